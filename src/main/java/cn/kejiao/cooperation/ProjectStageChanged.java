package cn.kejiao.cooperation;

import java.time.Instant;
import java.util.UUID;

/** A funded project was approved (立项, when it is created) or moved on to another stage, at {@code at}. */
public record ProjectStageChanged(UUID projectId, ProjectStage stage, Instant at) {
}
