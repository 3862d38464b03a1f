package cn.kejiao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Role;

/** Who may see a catalog entry, as the rule decides it in memory, without Spring. */
class EntryVisibilityTests {

	static final UUID OWNER = UUID.randomUUID();
	static final String JIADING = "310114";

	/** A reader in 文山 whose zones (沪滇) reach 上海. */
	final EntryVisibility.Reader inZone = new EntryVisibility.Reader(actor(UUID.randomUUID(), "532600", Role.ENTERPRISE),
			List.of("53", "31"));

	/** A reader in 深圳, which shares no zone with 上海. */
	final EntryVisibility.Reader outside = new EntryVisibility.Reader(actor(UUID.randomUUID(), "440305", Role.ENTERPRISE),
			List.of("44"));

	final EntryVisibility.Reader owner = new EntryVisibility.Reader(actor(OWNER, JIADING, Role.PROVIDER), List.of("31"));

	final EntryVisibility.Reader jiadingAdmin = new EntryVisibility.Reader(actor(UUID.randomUUID(), JIADING,
			Role.REGION_ADMIN), List.of("31"));

	final EntryVisibility.Reader yunnanAdmin = new EntryVisibility.Reader(actor(UUID.randomUUID(), "530000",
			Role.REGION_ADMIN), List.of("53", "31"));

	@Test
	void aPublishedEntryIsSeenByEveryone() {
		for (var reader : List.of(EntryVisibility.Reader.VISITOR, inZone, outside, owner, jiadingAdmin)) {
			assertThat(maySee(reader, EntryState.PUBLISHED, Confidentiality.PUBLIC)).isTrue();
			assertThat(maySee(reader, EntryState.MAINTENANCE, Confidentiality.ON_REQUEST)).isTrue();
			assertThat(listed(reader, EntryState.PUBLISHED, Confidentiality.PUBLIC)).isTrue();
		}
	}

	@Test
	void aZoneOnlyEntryIsSeenOnlyInsideTheZoneAndByItsOwnerAndAdmins() {
		assertThat(maySee(EntryVisibility.Reader.VISITOR, EntryState.PUBLISHED, Confidentiality.ZONE)).isFalse();
		assertThat(maySee(outside, EntryState.PUBLISHED, Confidentiality.ZONE)).isFalse();
		assertThat(maySee(inZone, EntryState.PUBLISHED, Confidentiality.ZONE)).isTrue();
		assertThat(maySee(owner, EntryState.PUBLISHED, Confidentiality.ZONE)).isTrue();
		assertThat(maySee(jiadingAdmin, EntryState.PUBLISHED, Confidentiality.ZONE)).isTrue();
	}

	@Test
	void draftsWithdrawnAndSuspendedEntriesAreSeenOnlyByTheOwnerAndTheAdminsGoverningTheirRegion() {
		for (EntryState state : List.of(EntryState.DRAFT, EntryState.WITHDRAWN, EntryState.SUSPENDED)) {
			assertThat(maySee(owner, state, Confidentiality.PUBLIC)).isTrue();
			assertThat(maySee(jiadingAdmin, state, Confidentiality.ZONE)).isTrue();
			assertThat(maySee(yunnanAdmin, state, Confidentiality.PUBLIC)).as("an admin of another region").isFalse();
			assertThat(maySee(inZone, state, Confidentiality.PUBLIC)).isFalse();
			assertThat(maySee(EntryVisibility.Reader.VISITOR, state, Confidentiality.PUBLIC)).isFalse();
			assertThat(listed(owner, state, Confidentiality.PUBLIC)).as("not in search, even for its owner").isFalse();
		}
	}

	@Test
	void onlyTheOwnerAndTheAdminsGoverningTheRegionSeeConfidentialParts() {
		assertThat(EntryVisibility.privileged(owner, OWNER, JIADING)).isTrue();
		assertThat(EntryVisibility.privileged(jiadingAdmin, OWNER, JIADING)).isTrue();
		assertThat(EntryVisibility.privileged(yunnanAdmin, OWNER, JIADING)).isFalse();
		assertThat(EntryVisibility.privileged(inZone, OWNER, JIADING)).isFalse();
		assertThat(EntryVisibility.privileged(EntryVisibility.Reader.VISITOR, OWNER, JIADING)).isFalse();
	}

	private static boolean maySee(EntryVisibility.Reader reader, EntryState state, Confidentiality confidentiality) {
		return EntryVisibility.maySee(reader, state, confidentiality, OWNER, JIADING);
	}

	private static boolean listed(EntryVisibility.Reader reader, EntryState state, Confidentiality confidentiality) {
		return EntryVisibility.listed(reader, state, confidentiality, OWNER, JIADING);
	}

	private static Actor actor(UUID organisation, String region, Role role) {
		return new Actor(UUID.randomUUID(), "user", "User", organisation, "Org", region, Set.of(role));
	}
}
