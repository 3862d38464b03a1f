package cn.kejiao.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Chinese first. Pages speak the language the user chose with the switch (a cookie), else Simplified
 * Chinese; the API speaks the request's Accept-Language when it is one we have, else Chinese.
 */
public class KejiaoLocaleResolver implements LocaleResolver {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
	public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);
	static final String COOKIE = "kejiao-lang";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Object chosen = request.getAttribute(COOKIE);
		if (chosen instanceof Locale locale) {
			return locale;
		}
		if (Problems.isApiRequest(request) && request.getHeader("Accept-Language") != null) {
			return fromAcceptLanguage(request.getHeader("Accept-Language"));
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return supported(Locale.forLanguageTag(cookie.getValue()));
				}
			}
		}
		return CHINESE;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale chosen = supported(locale);
		request.setAttribute(COOKIE, chosen);
		if (response != null) {
			response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, chosen.toLanguageTag()).path("/")
				.maxAge(Duration.ofDays(365)).httpOnly(true).sameSite("Lax").build().toString());
		}
	}

	static Locale fromAcceptLanguage(String header) {
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			if (match != null) {
				return match;
			}
			for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
				Locale candidate = supported(Locale.forLanguageTag(range.getRange()));
				if (!candidate.equals(CHINESE) || range.getRange().startsWith("zh")) {
					return candidate;
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// a malformed header is no reason to fail the request
		}
		return CHINESE;
	}

	static Locale supported(@Nullable Locale locale) {
		if (locale != null && "en".equals(locale.getLanguage())) {
			return Locale.ENGLISH;
		}
		return CHINESE;
	}
}
