package cn.kejiao.demo;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.kejiao.account.Accounts;
import cn.kejiao.account.UserView;
import cn.kejiao.organisation.OrganisationView;
import cn.kejiao.organisation.Organisations;
import cn.kejiao.platform.Actor;
import cn.kejiao.platform.Actors;

/** Runs a demo step as one of the demo users, as if signed in, so that the facades check it as they would. */
@Component
class DemoActors {

	private final Accounts accounts;
	private final Organisations organisations;

	DemoActors(Accounts accounts, Organisations organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
	}

	<T> T as(String username, Supplier<T> step) {
		UserView user = accounts.find(username).orElseThrow();
		OrganisationView organisation = user.organisationId() == null ? null
				: organisations.find(user.organisationId()).orElse(null);
		Actor actor = new Actor(user.id(), user.username(), user.displayName(), user.organisationId(),
				organisation == null ? null : organisation.name(), user.regionCode(), user.roles());
		return Actors.runAs(actor, step);
	}
}
