package cn.kejiao.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of GB/T 2260; regions change only by migration, so the entity is read-only. */
@Entity
@Table(schema = "region", name = "region")
@org.hibernate.annotations.Immutable
class Region {

	@Id
	@Column
	private String code;

	private String name;

	@Enumerated(EnumType.STRING)
	private RegionLevel level;

	@Column(name = "parent_code")
	private String parentCode;

	protected Region() {
	}

	RegionView view(java.util.Map<String, String> englishNames) {
		return new RegionView(code, name, level, parentCode, englishNames.getOrDefault(code, name));
	}
}
