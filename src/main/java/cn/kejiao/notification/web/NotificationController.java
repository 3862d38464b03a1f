package cn.kejiao.notification.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.kejiao.notification.NoticeView;
import cn.kejiao.notification.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The signed-in user's notices: a page and the API. */
@Controller
@Tag(name = "Notifications")
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/notifications")
	@ResponseBody
	@Operation(summary = "The caller's notices, newest first")
	List<NoticeView> list() {
		return notifications.mine();
	}

	@PostMapping("/api/v1/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable UUID id) {
		notifications.markRead(id);
	}

	@GetMapping("/notifications")
	String page(Model model) {
		model.addAttribute("notices", notifications.mine());
		return "notification/list";
	}

	@PostMapping("/notifications/{id}/read")
	String readOnPage(@PathVariable UUID id) {
		notifications.markRead(id);
		return "redirect:/notifications";
	}
}
