package cn.kejiao.organisation.web;

import cn.kejiao.organisation.OrganisationFields;
import cn.kejiao.organisation.OrganisationView;

/** A rejected organisation's registration details, corrected on the page and sent again. */
public class CorrectionPageForm extends OrganisationFields {

	/** The form filled with what the organisation registered; the region split into its levels by the caller. */
	static CorrectionPageForm of(OrganisationView organisation) {
		CorrectionPageForm form = new CorrectionPageForm();
		form.fillFrom(organisation);
		return form;
	}
}
