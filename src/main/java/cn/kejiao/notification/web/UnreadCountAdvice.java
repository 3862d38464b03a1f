package cn.kejiao.notification.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

import cn.kejiao.notification.Notifications;
import cn.kejiao.platform.Actors;

/**
 * The number of unread notices beside "通知" in every page's navigation. Counted only when a page shows it (a
 * lazy variable), so JSON answers and redirects cost no query.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

	private final Notifications notifications;

	UnreadCountAdvice(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotices")
	LazyContextVariable<Long> unreadNotices() {
		return new LazyContextVariable<>() {
			@Override
			protected Long loadValue() {
				return Actors.current().isPresent() ? notifications.unread() : 0L;
			}
		};
	}
}
