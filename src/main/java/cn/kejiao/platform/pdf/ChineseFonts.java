package cn.kejiao.platform.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.lowagie.text.pdf.BaseFont;

import cn.kejiao.platform.KejiaoException;

/**
 * The Chinese font PDFs are written with: {@code kejiao.pdf.font} (a TrueType .ttf, or a .ttc with
 * {@code ,index}), else the first of the usual system CJK fonts found (Debian: {@code fonts-wqy-zenhei} or
 * {@code fonts-wqy-microhei}; also macOS and Windows fonts). The font is embedded (subset) in each PDF, so
 * readers need no Chinese font of their own.
 */
@Component
public class ChineseFonts {

	static final List<String> SYSTEM_FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,0", "/usr/share/fonts/truetype/arphic/uming.ttc,0",
			"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/Library/Fonts/Arial Unicode.ttf",
			"C:/Windows/Fonts/simsun.ttc,0", "C:/Windows/Fonts/msyh.ttc,0");

	private final @Nullable String configured;
	private volatile @Nullable BaseFont font;

	ChineseFonts(@Value("${kejiao.pdf.font:}") @Nullable String configured) {
		this.configured = configured == null || configured.isBlank() ? null : configured.strip();
	}

	/** The font, or a 503 problem ({@code pdf.no-font}) telling the operator what to install or configure. */
	public BaseFont font() {
		BaseFont found = font;
		if (found == null) {
			String location = locate().orElseThrow(() -> new KejiaoException(
					org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "pdf.no-font"));
			try {
				found = BaseFont.createFont(location, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			catch (Exception ex) {
				throw new KejiaoException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "pdf.no-font");
			}
			font = found;
		}
		return found;
	}

	Optional<String> locate() {
		if (configured != null) {
			return Optional.of(configured);
		}
		return SYSTEM_FONTS.stream().filter(location -> Files.isReadable(Path.of(location.replaceFirst(",\\d+$", ""))))
			.findFirst();
	}
}
