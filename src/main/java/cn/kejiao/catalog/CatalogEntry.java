package cn.kejiao.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

import cn.kejiao.platform.KejiaoException;
import cn.kejiao.platform.text.ChineseText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A catalog entry. State changes go through guarded methods; the search index follows every committed
 * change (Hibernate Search listens to the ORM session). Indexed text is segmented in Java
 * ({@link ChineseText}) and indexed with a whitespace analyzer, the same for Lucene and Elasticsearch.
 */
@Entity
@Table(schema = "catalog", name = "entry")
@Indexed(index = "catalog-entry")
class CatalogEntry {

	static final String TOKENS = "tokens";

	/**
	 * Raise when the indexed fields change: the index is then rebuilt at the next start. (6: rebuilt once so
	 * that indexes built before rebuilding merged the segments are merged; 7: price, unit and state shown on
	 * hits, regions below the province counted.)
	 */
	static final int MAPPING_VERSION = 7;

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private EntryType type;

	@Column(name = "external_code")
	private String externalCode;

	@Column(name = "owner_org_id")
	@GenericField(projectable = Projectable.YES)
	private UUID ownerOrgId;

	@Column(name = "owner_org_name")
	@GenericField(name = "ownerOrgNameStored", projectable = Projectable.YES, searchable = Searchable.NO)
	private String ownerOrgName;

	@Column(name = "region_code")
	@KeywordField(projectable = Projectable.YES)
	private String regionCode;

	@GenericField(name = "titleStored", projectable = Projectable.YES, searchable = Searchable.NO)
	private String title;

	@GenericField(name = "summaryStored", projectable = Projectable.YES, searchable = Searchable.NO)
	private String summary;

	private String keywords;

	@KeywordField(aggregable = Aggregable.YES)
	private String category;

	private BigDecimal price;

	@Column(name = "price_unit")
	@GenericField(name = "priceUnitStored", projectable = Projectable.YES, searchable = Searchable.NO)
	private String priceUnit;

	private String accreditations;

	@KeywordField(aggregable = Aggregable.YES)
	private String maturity;

	@Enumerated(EnumType.STRING)
	@KeywordField(projectable = Projectable.YES)
	private Confidentiality confidentiality;

	@Enumerated(EnumType.STRING)
	@KeywordField(projectable = Projectable.YES)
	private EntryState state;

	@Column(columnDefinition = "jsonb")
	@ColumnTransformer(write = "?::jsonb")
	private String details;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "published_at")
	@GenericField(sortable = Sortable.YES)
	private Instant publishedAt;

	@Version
	private long version;

	protected CatalogEntry() {
	}

	CatalogEntry(UUID id, EntryType type, String externalCode, UUID ownerOrgId, String ownerOrgName, Instant now) {
		this.id = id;
		this.type = type;
		this.externalCode = externalCode;
		this.ownerOrgId = ownerOrgId;
		this.ownerOrgName = ownerOrgName;
		this.state = EntryState.DRAFT;
		this.confidentiality = Confidentiality.PUBLIC;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void describe(EntryForm form, String regionCode, String detailsJson, Instant now) {
		this.title = form.title().strip();
		this.summary = form.summary() == null ? "" : form.summary().strip();
		this.keywords = form.keywords() == null ? "" : form.keywords().strip();
		this.category = form.category() == null ? "" : form.category().strip();
		this.price = form.price();
		this.priceUnit = form.priceUnit();
		this.accreditations = form.accreditations() == null ? "" : String.join(" ", form.accreditations().stream().sorted().toList());
		this.maturity = form.maturity();
		this.confidentiality = form.confidentiality() == null ? Confidentiality.PUBLIC : form.confidentiality();
		this.regionCode = regionCode;
		this.details = detailsJson;
		this.updatedAt = now;
	}

	/** The entry moves to its organisation's region, where it belongs ({@link EntryRegions}). */
	void followOrganisation(String organisationRegion, Instant now) {
		this.regionCode = organisationRegion;
		this.updatedAt = now;
	}

	void publish(Instant now) {
		if (state == EntryState.SUSPENDED) {
			throw KejiaoException.conflict("catalog.suspended");
		}
		if (state != EntryState.PUBLISHED) {
			state = EntryState.PUBLISHED;
			publishedAt = now;
		}
		updatedAt = now;
	}

	void withdraw(Instant now) {
		if (state == EntryState.SUSPENDED) {
			throw KejiaoException.conflict("catalog.suspended");
		}
		state = EntryState.WITHDRAWN;
		updatedAt = now;
	}

	void maintenance(boolean on, Instant now) {
		if (type != EntryType.INSTRUMENT) {
			throw KejiaoException.invalid("catalog.maintenance-instruments-only");
		}
		if (on && state != EntryState.PUBLISHED || !on && state != EntryState.MAINTENANCE) {
			throw KejiaoException.conflict("catalog.state-conflict", state.name());
		}
		state = on ? EntryState.MAINTENANCE : EntryState.PUBLISHED;
		updatedAt = now;
	}

	void suspend(Instant now) {
		state = EntryState.SUSPENDED;
		updatedAt = now;
	}

	void reinstate(Instant now) {
		if (state != EntryState.SUSPENDED) {
			throw KejiaoException.conflict("catalog.state-conflict", state.name());
		}
		state = EntryState.DRAFT;
		updatedAt = now;
	}

	// ---- what the index holds beside the columns ----

	/** The title's tokens (the suggestions search them), segmented once per title value. */
	@FullTextField(name = "titleTokens", analyzer = TOKENS)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "title")))
	String getTitleTokens() {
		if (titleTokenCache == null || !title.equals(titleTokenCacheFor)) {
			titleTokenCache = ChineseText.indexText(title);
			titleTokenCacheFor = title;
		}
		return titleTokenCache;
	}

	@Transient
	private transient String titleTokenCache;

	@Transient
	private transient String titleTokenCacheFor;

	private String keywordTokens() {
		return ChineseText.indexText(keywords, category);
	}

	private String bodyTokens() {
		return ChineseText.indexText(summary, details == null ? null : details.replaceAll("[\"{}\\[\\]:,]", " "), ownerOrgName);
	}

	/**
	 * The price in fen (cents), as a plain long: sorts and ranges alike on Lucene and on any Elasticsearch or
	 * OpenSearch cluster, which would need the mapper-extras module for a scaled float.
	 */
	@GenericField(name = "priceFen", sortable = Sortable.YES, projectable = Projectable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "price")))
	Long getPriceFen() {
		return price == null ? null : price.movePointRight(2).longValueExact();
	}

	/**
	 * Title, keywords and body in one field, the title's tokens three times and the keywords' twice: one
	 * term lookup per query token instead of three, with the field weights carried by term frequency.
	 */
	@FullTextField(name = "allTokens", analyzer = TOKENS)
	@IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "title")),
			@ObjectPath(@PropertyValue(propertyName = "keywords")), @ObjectPath(@PropertyValue(propertyName = "category")),
			@ObjectPath(@PropertyValue(propertyName = "summary")), @ObjectPath(@PropertyValue(propertyName = "details")),
			@ObjectPath(@PropertyValue(propertyName = "ownerOrgName")) })
	String getAllTokens() {
		String title = getTitleTokens();
		String keywords = keywordTokens();
		return String.join(" ", title, title, title, keywords, keywords, bodyTokens());
	}

	/** The region and every region above it (53, 5326, 532628): a region filter is one term. */
	@KeywordField(name = "regionScope", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "regionCode")))
	List<String> getRegionScope() {
		List<String> scope = new ArrayList<>();
		scope.add(regionCode.substring(0, 2));
		if (!regionCode.endsWith("0000")) {
			scope.add(regionCode.substring(0, 4));
		}
		if (!regionCode.endsWith("00")) {
			scope.add(regionCode);
		}
		return scope;
	}

	@KeywordField(name = "province", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "regionCode")))
	String getProvince() {
		return regionCode.substring(0, 2) + "0000";
	}

	@KeywordField(name = "accreditation", aggregable = Aggregable.YES)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "accreditations")),
			reindexOnUpdate = ReindexOnUpdate.DEFAULT)
	List<String> getAccreditationList() {
		return accreditations == null || accreditations.isBlank() ? List.of() : Arrays.asList(accreditations.split(" "));
	}

	// ---- reading ----

	UUID id() {
		return id;
	}

	EntryType type() {
		return type;
	}

	UUID ownerOrgId() {
		return ownerOrgId;
	}

	String regionCode() {
		return regionCode;
	}

	String title() {
		return title;
	}

	String summary() {
		return summary;
	}

	EntryState state() {
		return state;
	}

	Confidentiality confidentiality() {
		return confidentiality;
	}

	String details() {
		return details;
	}

	Map<String, Object> state(Map<String, Object> detailsMap) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("type", type.name());
		state.put("externalCode", externalCode);
		state.put("title", title);
		state.put("state", this.state.name());
		state.put("regionCode", regionCode);
		state.put("price", price == null ? null : price.toPlainString());
		state.put("confidentiality", confidentiality.name());
		state.put("details", detailsMap);
		return state;
	}

	EntryView view(Map<String, Object> detailsMap, boolean showConfidential) {
		List<String> keywordList = keywords == null || keywords.isBlank() ? List.of()
				: Arrays.stream(keywords.split("[,，;；、\\s]+")).filter(k -> !k.isBlank()).toList();
		boolean hide = confidentiality == Confidentiality.ON_REQUEST && !showConfidential;
		return new EntryView(id, type, externalCode, ownerOrgId, ownerOrgName, regionCode, title, hide ? "" : summary,
				keywordList, category, hide ? null : price, priceUnit, getAccreditationList(), maturity, confidentiality,
				state, hide ? Map.of() : detailsMap, updatedAt, publishedAt, hide);
	}
}
