package cn.kejiao.organisation;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an organisation states about itself when it registers. */
public record RegistrationForm(
		@NotBlank @Size(min = 2, max = 200) String name,
		@NotNull OrganisationType type,
		@NotBlank @Pattern(regexp = "[1-9]\\d{5}") String regionCode,
		@NotBlank String creditCode,
		@NotBlank @Size(max = 50) String contactName,
		@NotBlank @Pattern(regexp = "[0-9+\\- ]{7,20}") String contactPhone,
		@NotBlank @Email @Size(max = 200) String contactEmail,
		@Size(max = 300) String address,
		@Size(max = 2000) String introduction,
		Set<Qualification> qualifications) {
}
