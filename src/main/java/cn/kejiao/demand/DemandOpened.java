package cn.kejiao.demand;

import java.util.UUID;

/** A demand was published: from now on its matches may be told that it exists. */
public record DemandOpened(UUID demandId) {
}
