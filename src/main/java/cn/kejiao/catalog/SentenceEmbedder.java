package cn.kejiao.catalog;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * The embedding model: BAAI bge-small-zh-v1.5, int8, run in-process by ONNX Runtime from the Maven artifact
 * (nothing is downloaded), loaded on first use since it costs 150–200 MB.
 */
@Component
class SentenceEmbedder {

	private static final Logger log = LoggerFactory.getLogger(SentenceEmbedder.class);

	static final String MODEL = "bge-small-zh-v1.5-q";

	/** The model card's instruction for short queries that look for passages. */
	static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

	private volatile @Nullable Model model;

	/** The embedding of a need (a demand's words), as a query. */
	float[] query(String text) {
		return model().vector(QUERY_INSTRUCTION + text);
	}

	/** The embedding of an entry's title and text. */
	float[] passage(String text) {
		return model().vector(text);
	}

	private Model model() {
		Model loaded = model;
		if (loaded == null) {
			synchronized (this) {
				if (model == null) {
					model = Model.load();
				}
				loaded = model;
			}
		}
		return loaded;
	}

	/** The model with a session of two threads: it shares the machine with the web requests. */
	private static final class Model extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		private Model(OnnxBertBiEncoder encoder) {
			super(Runnable::run);
			this.encoder = encoder;
		}

		static Model load() {
			long started = System.nanoTime();
			try (InputStream onnx = resource(MODEL + ".onnx"); InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
				OrtEnvironment environment = OrtEnvironment.getEnvironment();
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(2);
				options.setInterOpNumThreads(1);
				OrtSession session = environment.createSession(onnx.readAllBytes(), options);
				Model model = new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS));
				log.info("Embedding model {} loaded in {} ms", MODEL, (System.nanoTime() - started) / 1_000_000);
				return model;
			}
			catch (IOException | ai.onnxruntime.OrtException ex) {
				throw new IllegalStateException("the embedding model could not be loaded", ex);
			}
		}

		private static InputStream resource(String name) throws IOException {
			InputStream in = SentenceEmbedder.class.getClassLoader().getResourceAsStream(name);
			if (in == null) {
				throw new IOException(name + " is not on the class path");
			}
			return in;
		}

		float[] vector(String text) {
			return embed(TextSegment.from(text)).content().vector();
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 512;
		}
	}
}
