package cn.kejiao.platform.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;
import jakarta.servlet.http.HttpServletRequest;

/** What every page's shell (navigation, language switch) needs: the signed-in actor and the language. */
@ControllerAdvice(annotations = Controller.class)
class ShellModelAdvice {

	@ModelAttribute("actor")
	@Nullable
	Actor actor() {
		return Actors.current().orElse(null);
	}

	@ModelAttribute("lang")
	String lang(HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		return "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
	}

	/**
	 * The page's address with its query (the language switch links to the same page, same search, same
	 * filters), without a {@code lang} already there: the switch adds its own.
	 */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || query.isBlank()) {
			return request.getRequestURI();
		}
		String kept = java.util.Arrays.stream(query.split("&"))
			.filter(pair -> !pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang="))
			.collect(java.util.stream.Collectors.joining("&"));
		return kept.isEmpty() ? request.getRequestURI() : request.getRequestURI() + "?" + kept;
	}
}
