package cn.kejiao.support;

import java.util.Arrays;

import jakarta.mail.Message;

/** Reading the mails GreenMail received, in assertions: what the checked exceptions of Jakarta Mail make long. */
public final class Mails {

	private Mails() {
	}

	/** The mail's text. */
	public static String body(Message message) {
		try {
			return String.valueOf(message.getContent());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The addresses the mail was sent to (To:), as one string. */
	public static String recipients(Message message) {
		try {
			return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The mail's subject. */
	public static String subject(Message message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
