package cn.kejiao.demand;

/** Who sees a demand, and where its answers are looked for: everyone, a cooperation zone, or its own province. */
public enum Visibility {
	PUBLIC, ZONE, REGION
}
