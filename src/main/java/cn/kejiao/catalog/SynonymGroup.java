package cn.kejiao.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Terms that mean the same thing to a searcher: 扫描电镜 = 扫描电子显微镜 = SEM. */
@Entity
@Table(schema = "catalog", name = "synonym_group")
class SynonymGroup {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String terms;

	@Column(name = "updated_at")
	private Instant updatedAt;

	protected SynonymGroup() {
	}

	SynonymGroup(String terms, Instant now) {
		this.terms = terms;
		this.updatedAt = now;
	}

	Long id() {
		return id;
	}

	String terms() {
		return terms;
	}
}
