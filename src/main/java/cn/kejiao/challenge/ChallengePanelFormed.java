package cn.kejiao.challenge;

import java.util.List;
import java.util.UUID;

/**
 * The publisher put experts on a challenge's review panel; each of them now scores the applications. Only the
 * experts themselves are told, never their organisations, which must not learn who sits on a blind panel.
 *
 * @param panellists the usernames of the experts on the panel
 */
public record ChallengePanelFormed(UUID challengeId, String title, List<String> panellists) {

	public ChallengePanelFormed {
		panellists = List.copyOf(panellists);
	}
}
