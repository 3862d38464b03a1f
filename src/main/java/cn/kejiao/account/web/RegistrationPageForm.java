package cn.kejiao.account.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import cn.kejiao.account.NewUser;
import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.organisation.RegistrationForm;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The registration page's form: the organisation and its first user. */
public class RegistrationPageForm {

	@NotBlank
	@Size(min = 2, max = 200)
	private String name = "";

	@NotNull
	private OrganisationType type = OrganisationType.ENTERPRISE;

	private String province = "";

	private String prefecture = "";

	private String county = "";

	@NotBlank
	private String creditCode = "";

	@NotBlank
	@Size(max = 50)
	private String contactName = "";

	@NotBlank
	@Pattern(regexp = "[0-9+\\- ]{7,20}")
	private String contactPhone = "";

	@NotBlank
	@Email
	private String contactEmail = "";

	@Size(max = 300)
	private String address = "";

	@Size(max = 2000)
	private String introduction = "";

	private List<Qualification> qualifications = new ArrayList<>();

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

	/** The most precise region chosen: county, else prefecture, else province. */
	public String regionCode() {
		if (county != null && !county.isBlank()) {
			return county;
		}
		if (prefecture != null && !prefecture.isBlank()) {
			return prefecture;
		}
		return province == null ? "" : province;
	}

	RegistrationForm organisation() {
		return new RegistrationForm(name, type, regionCode(), creditCode, contactName, contactPhone, contactEmail, address,
				introduction, qualifications.isEmpty() ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(qualifications));
	}

	NewUser user() {
		return new NewUser(username, password, displayName, contactEmail, contactPhone);
	}

	public String getName() { return name; }
	public void setName(String name) { this.name = name; }
	public OrganisationType getType() { return type; }
	public void setType(OrganisationType type) { this.type = type; }
	public String getProvince() { return province; }
	public void setProvince(String province) { this.province = province; }
	public String getPrefecture() { return prefecture; }
	public void setPrefecture(String prefecture) { this.prefecture = prefecture; }
	public String getCounty() { return county; }
	public void setCounty(String county) { this.county = county; }
	public String getCreditCode() { return creditCode; }
	public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
	public String getContactName() { return contactName; }
	public void setContactName(String contactName) { this.contactName = contactName; }
	public String getContactPhone() { return contactPhone; }
	public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
	public String getContactEmail() { return contactEmail; }
	public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
	public String getAddress() { return address; }
	public void setAddress(String address) { this.address = address; }
	public String getIntroduction() { return introduction; }
	public void setIntroduction(String introduction) { this.introduction = introduction; }
	public List<Qualification> getQualifications() { return qualifications; }
	public void setQualifications(List<Qualification> qualifications) { this.qualifications = qualifications; }
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
