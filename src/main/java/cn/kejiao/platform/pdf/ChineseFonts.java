package cn.kejiao.platform.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.lowagie.text.pdf.BaseFont;

import cn.kejiao.platform.KejiaoException;

/**
 * The Chinese font PDFs are written with: {@code kejiao.pdf.font} (a TrueType or OpenType file, or a .ttc
 * with {@code ,index}) when set, else the font shipped inside the application (Source Han Sans SC Regular,
 * SIL Open Font License 1.1, {@code licenses/SourceHanSansSC-OFL-1.1.txt}), so a bare server needs no font of
 * its own. Only if that resource were missing are the usual system CJK fonts tried. Whichever it is, each
 * PDF embeds the subset of glyphs it uses, so readers need no Chinese font either.
 */
@Component
public class ChineseFonts {

	/** The font shipped in the jar (classpath resource). */
	static final String BUNDLED = "fonts/SourceHanSansSC-Regular.otf";

	static final List<String> SYSTEM_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", "/usr/share/fonts/truetype/arphic/uming.ttc,0",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/Library/Fonts/Arial Unicode.ttf",
			"C:/Windows/Fonts/simsun.ttc,0", "C:/Windows/Fonts/msyh.ttc,0");

	private final @Nullable String configured;
	private final String bundled;
	private final List<String> systemFonts;
	private volatile @Nullable BaseFont font;

	@Autowired
	ChineseFonts(@Value("${kejiao.pdf.font:}") @Nullable String configured) {
		this(configured, BUNDLED, SYSTEM_FONTS);
	}

	ChineseFonts(@Nullable String configured, String bundled, List<String> systemFonts) {
		this.configured = configured == null || configured.isBlank() ? null : configured.strip();
		this.bundled = bundled;
		this.systemFonts = systemFonts;
	}

	/** The font, or a 503 problem ({@code pdf.no-font}) telling the operator what to install or configure. */
	public BaseFont font() {
		BaseFont found = font;
		if (found == null) {
			synchronized (this) {
				found = font;
				if (found == null) {
					found = load();
					font = found;
				}
			}
		}
		return found;
	}

	private BaseFont load() {
		try {
			if (configured != null) {
				return BaseFont.createFont(configured, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			byte[] shipped = bundledBytes();
			if (shipped != null) {
				// the name tells OpenPDF the font's format (.otf/.ttf); the bytes are the font
				return BaseFont.createFont(Path.of(bundled).getFileName().toString(), BaseFont.IDENTITY_H,
						BaseFont.EMBEDDED, false, shipped, null);
			}
			String system = systemFont().orElseThrow(() -> new KejiaoException(HttpStatus.SERVICE_UNAVAILABLE, "pdf.no-font"));
			return BaseFont.createFont(system, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
		}
		catch (KejiaoException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new KejiaoException(HttpStatus.SERVICE_UNAVAILABLE, "pdf.no-font");
		}
	}

	private byte @Nullable [] bundledBytes() throws IOException {
		try (InputStream in = ChineseFonts.class.getClassLoader().getResourceAsStream(bundled)) {
			return in == null ? null : in.readAllBytes();
		}
	}

	Optional<String> systemFont() {
		return systemFonts.stream().filter(location -> Files.isReadable(Path.of(location.replaceFirst(",\\d+$", ""))))
			.findFirst();
	}
}
