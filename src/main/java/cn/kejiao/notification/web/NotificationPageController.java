package cn.kejiao.notification.web;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import cn.kejiao.notification.Notifications;

/** The signed-in user's notices, as a page: each opens what waits (and is read then), or is marked read. */
@Controller
class NotificationPageController {

	private final Notifications notifications;

	NotificationPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String page(Model model) {
		model.addAttribute("notices", notifications.mine());
		return "notification/list";
	}

	/** Follows a notice to the page it is about, and counts it read. */
	@GetMapping("/notifications/{id}")
	String open(@PathVariable UUID id) {
		String link = notifications.open(id);
		return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
	}

	@PostMapping("/notifications/{id}/read")
	String read(@PathVariable UUID id) {
		notifications.markRead(id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read")
	String readAll() {
		notifications.markAllRead();
		return "redirect:/notifications";
	}
}
