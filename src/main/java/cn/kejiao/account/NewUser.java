package cn.kejiao.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The first (or a further) user of an organisation. */
public record NewUser(
		@NotBlank @Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]{2,39}") String username,
		@NotBlank @Size(min = 8, max = 128) String password,
		@NotBlank @Size(max = 50) String displayName,
		@NotBlank @Email @Size(max = 200) String email,
		@Size(max = 20) String phone) {

	@Override
	public String toString() {
		return "NewUser[" + username + "]";
	}
}
