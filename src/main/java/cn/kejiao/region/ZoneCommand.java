package cn.kejiao.region;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the platform admin sets on a cooperation zone. */
public record ZoneCommand(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String nameEn,
		@Size(max = 2000) String description, @NotNull @NotEmpty List<String> regionCodes) {
}
