package cn.kejiao.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import cn.kejiao.platform.KejiaoException;

/**
 * PDFs are written in Chinese on a server with no font of its own: the font shipped in the jar is used and
 * the system fonts are not looked at (here they point at nothing).
 */
class ChineseFontsTests {

	static final List<String> NO_SYSTEM_FONTS = List.of("/nonexistent/fonts/wqy-zenhei.ttc,0", "/nonexistent/fonts/x.ttf");

	@Test
	void aStatementIsWrittenInChineseWithTheShippedFontWhenTheSystemHasNone() throws Exception {
		ChineseFonts fonts = new ChineseFonts(null, ChineseFonts.BUNDLED, NO_SYSTEM_FONTS);
		assertThat(fonts.systemFont()).isEmpty();
		byte[] pdf = new PdfReport(fonts).write("科技创新券结算单", List.of("文山壮族苗族自治州 堃 ¥258,000"),
				List.of(new PdfReport.Table("按服务机构", List.of("服务机构", "金额"), new float[] { 3, 1 },
						List.of(List.of("上海嘉定汽车零部件检测技术有限公司", "1000.00")), "无")));

		String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
		assertThat(text).contains("科技创新券结算单", "文山壮族苗族自治州", "堃", "按服务机构", "上海嘉定汽车零部件检测技术有限公司");
		String raw = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(raw).as("the shipped font is embedded as a subset (ABCDEF+name)").containsPattern("/[A-Z]{6}\\+SourceHanSansSC-Regular");
		assertThat(pdf.length).as("a subset, not the whole 17 MB font").isLessThan(1_000_000);
	}

	@Test
	void withoutTheShippedFontAndWithoutASystemFontTheAnswerSaysWhatToInstall() {
		ChineseFonts fonts = new ChineseFonts(null, "fonts/not-shipped.otf", NO_SYSTEM_FONTS);
		assertThatThrownBy(fonts::font).isInstanceOfSatisfying(KejiaoException.class, ex -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(ex.code()).isEqualTo("pdf.no-font");
		});
	}

	@Test
	void aConfiguredFontThatCannotBeReadIsAProblemNotAFallback() {
		ChineseFonts fonts = new ChineseFonts("/nonexistent/configured.ttf", ChineseFonts.BUNDLED, NO_SYSTEM_FONTS);
		assertThatThrownBy(fonts::font).isInstanceOfSatisfying(KejiaoException.class,
				ex -> assertThat(ex.code()).isEqualTo("pdf.no-font"));
	}
}
