package cn.kejiao.account.web;

import cn.kejiao.account.NewUser;
import cn.kejiao.organisation.OrganisationFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration page's form: the organisation and its first user. */
public class RegistrationPageForm extends OrganisationFields {

	@NotBlank
	@Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]{2,39}")
	private String username = "";

	@NotBlank
	@Size(min = 8, max = 128)
	private String password = "";

	@NotBlank
	private String passwordConfirm = "";

	@NotBlank
	@Size(max = 50)
	private String displayName = "";

	/** Accepted the user agreement and the privacy policy. */
	@jakarta.validation.constraints.AssertTrue
	private boolean acceptTerms;

	NewUser user() {
		return new NewUser(username, password, displayName, getContactEmail(), getContactPhone());
	}

	public String getUsername() { return username; }
	public void setUsername(String username) { this.username = username; }
	public String getPassword() { return password; }
	public void setPassword(String password) { this.password = password; }
	public String getPasswordConfirm() { return passwordConfirm; }
	public void setPasswordConfirm(String passwordConfirm) { this.passwordConfirm = passwordConfirm; }
	public boolean isAcceptTerms() { return acceptTerms; }
	public void setAcceptTerms(boolean acceptTerms) { this.acceptTerms = acceptTerms; }
	public String getDisplayName() { return displayName; }
	public void setDisplayName(String displayName) { this.displayName = displayName; }
}
