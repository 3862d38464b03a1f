package cn.kejiao.catalog.web;

import cn.kejiao.catalog.SearchResult;

/** A hit's snippet as the search page shows it: escaped HTML with the matched terms in {@code <mark>}. */
final class SnippetHtml {

	private SnippetHtml() {
	}

	static String of(SearchResult.Hit hit) {
		String text = hit.snippet();
		boolean[] marked = new boolean[text.length()];
		for (SearchResult.Highlight highlight : hit.highlights()) {
			for (int i = Math.max(0, highlight.start()); i < Math.min(text.length(), highlight.end()); i++) {
				marked[i] = true;
			}
		}
		StringBuilder html = new StringBuilder(text.length() + 32);
		for (int i = 0; i < text.length(); i++) {
			if (marked[i] && (i == 0 || !marked[i - 1])) {
				html.append("<mark>");
			}
			char c = text.charAt(i);
			switch (c) {
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
			if (marked[i] && (i == text.length() - 1 || !marked[i + 1])) {
				html.append("</mark>");
			}
		}
		return html.toString();
	}
}
