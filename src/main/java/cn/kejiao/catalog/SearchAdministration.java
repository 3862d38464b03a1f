package cn.kejiao.catalog;

import java.util.List;

import org.springframework.stereotype.Service;

import cn.kejiao.platform.Actors;
import cn.kejiao.platform.KejiaoException;

/**
 * The platform admin's care of search: the synonym groups and the index. Called by a person, every method
 * requires the platform admin; called by no one (a benchmark, start-up), the index ones run as the system.
 */
@Service
public class SearchAdministration {

	private final Synonyms synonyms;
	private final SearchIndex index;

	SearchAdministration(Synonyms synonyms, SearchIndex index) {
		this.synonyms = synonyms;
		this.index = index;
	}

	/** Whether the acting user may keep the synonyms and the index (the admin page shows them then). */
	public boolean mayAdminister() {
		return Actors.current().filter(actor -> actor.isPlatformAdmin()).isPresent();
	}

	/** The synonym groups, each as its terms separated by commas. */
	public List<String> synonyms() {
		requirePlatformAdmin();
		return synonyms.list();
	}

	/** Replaces all groups (one group a line, or one group per item) and returns them as stored. */
	public List<String> replaceSynonyms(List<String> groups) {
		requirePlatformAdmin();
		synonyms.replace(String.join("\n", groups));
		return synonyms.list();
	}

	public IndexProgress indexProgress() {
		Actors.current().ifPresent(actor -> requirePlatformAdmin());
		return index.progress();
	}

	/** Rebuilds the whole index from the database and returns when it is done. */
	public IndexProgress rebuildIndex() throws InterruptedException {
		Actors.current().ifPresent(actor -> requirePlatformAdmin());
		return index.rebuildNow();
	}

	/** Merges the index into as few segments as it can (see {@link SearchIndex#mergeSegments}). */
	public void mergeIndexSegments() {
		Actors.current().ifPresent(actor -> requirePlatformAdmin());
		index.mergeSegments();
	}

	private static void requirePlatformAdmin() {
		if (!Actors.require().isPlatformAdmin()) {
			throw KejiaoException.forbidden("auth.forbidden");
		}
	}
}
