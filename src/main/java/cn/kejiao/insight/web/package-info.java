/**
 * The dashboards of insight: the pages under {@code /insight} (figures, months, the map of China with the flows, the
 * Sankey diagram, the rows behind a figure, their workbooks) and the API under {@code /api/v1/insight/regions}.
 */
@org.jspecify.annotations.NullMarked
package cn.kejiao.insight.web;
