package cn.kejiao.region;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A named set of regions, created by a cooperation agreement. */
@Entity
@Table(schema = "region", name = "cooperation_zone")
class CooperationZone {

	@Id
	private String code;

	private String name;

	@Column(name = "name_en")
	private String nameEn;

	private String description;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(schema = "region", name = "cooperation_zone_member", joinColumns = @JoinColumn(name = "zone_code"))
	@Column(name = "region_code")
	private Set<String> regionCodes = new LinkedHashSet<>();

	protected CooperationZone() {
	}

	CooperationZone(String code) {
		this.code = code;
	}

	void update(String name, String nameEn, String description, Set<String> regionCodes, Instant now) {
		this.name = name;
		this.nameEn = nameEn;
		this.description = description;
		this.regionCodes = new LinkedHashSet<>(regionCodes);
		this.updatedAt = now;
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}

	String nameEn() {
		return nameEn;
	}

	String description() {
		return description == null ? "" : description;
	}

	Set<String> regionCodes() {
		return regionCodes;
	}

	long version() {
		return version;
	}
}
