package cn.kejiao.region;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A region as other modules and the API see it: its Chinese name (GB/T 2260) and its English name (the
 * usual English name of a province, the pinyin of others with their kind: "Jiading District").
 */
public record RegionView(String code, String name, RegionLevel level, @Nullable String parentCode, String nameEn) {

	/** The name in the reader's language: English for English readers, Chinese for everyone else. */
	public String localName() {
		return isEnglish(LocaleContextHolder.getLocale()) ? nameEn : name;
	}

	static boolean isEnglish(@Nullable Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}
}
