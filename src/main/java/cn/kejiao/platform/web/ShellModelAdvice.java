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

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}
}
