/**
 * The resource catalog: large research instruments (大型科研仪器), services (检测、认证、研发设计、咨询),
 * technology achievements (科技成果) and experts that providers share across regions. Owners create,
 * publish and withdraw their entries; region admins suspend entries of their region; a full-text index
 * (Hibernate Search, Chinese segmentation with Traditional/Simplified and width folding, synonyms) serves
 * the search box, filters and facets. The facades: {@link cn.kejiao.catalog.Catalog} (entries),
 * {@link cn.kejiao.catalog.CatalogSearch} (the search box), {@link cn.kejiao.catalog.CatalogImports},
 * {@link cn.kejiao.catalog.CatalogMatching} (entries that could answer a need, for demand matching) and
 * {@link cn.kejiao.catalog.SearchAdministration} (synonyms, the index); the rest is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resource catalog")
@org.jspecify.annotations.NullMarked
package cn.kejiao.catalog;
