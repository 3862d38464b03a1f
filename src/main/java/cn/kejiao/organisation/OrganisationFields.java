package cn.kejiao.organisation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation's registration details as a page's form posts them, the region chosen level by level: the
 * registration page (with the first user besides) and the correction of a rejected registration bind it, so
 * both check the same fields the same way.
 */
public class OrganisationFields {

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

	/** Fills the fields with what the organisation registered; the region is split into its levels by the caller. */
	protected void fillFrom(OrganisationView organisation) {
		name = organisation.name();
		type = organisation.type();
		creditCode = organisation.creditCode();
		contactName = organisation.contactName();
		contactPhone = organisation.contactPhone();
		contactEmail = organisation.contactEmail();
		address = organisation.address();
		introduction = organisation.introduction();
		qualifications = new ArrayList<>(organisation.qualifications());
	}

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

	public RegistrationForm organisation() {
		return new RegistrationForm(name, type, regionCode(), creditCode, contactName, contactPhone, contactEmail, address,
				introduction, qualifications.isEmpty() ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(qualifications));
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
}
