package cn.kejiao.organisation.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import cn.kejiao.organisation.OrganisationType;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Qualification;
import cn.kejiao.organisation.RegistrationForm;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A rejected organisation's registration details, corrected on the page and sent again. */
public class CorrectionPageForm {

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

	/** The form filled with what the organisation registered; the region split into its levels by the caller. */
	static CorrectionPageForm of(OrganisationView organisation) {
		CorrectionPageForm form = new CorrectionPageForm();
		form.name = organisation.name();
		form.type = organisation.type();
		form.creditCode = organisation.creditCode();
		form.contactName = organisation.contactName();
		form.contactPhone = organisation.contactPhone();
		form.contactEmail = organisation.contactEmail();
		form.address = organisation.address();
		form.introduction = organisation.introduction();
		form.qualifications = new ArrayList<>(organisation.qualifications());
		return form;
	}

	/** The most precise region chosen: county, else prefecture, else province. */
	String regionCode() {
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
