package cn.kejiao.insight;

/** What flowed from the serving region to the served region in a period (regions at the level asked for). */
public record PairFigure(String servedRegion, String servingRegion, Amount amount) {
}
