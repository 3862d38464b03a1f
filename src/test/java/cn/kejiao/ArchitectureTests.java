package cn.kejiao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import jakarta.persistence.Entity;

/** Rules the compiler cannot enforce: entities and repositories stay in their module; web code uses facades. */
@AnalyzeClasses(packages = "cn.kejiao", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule entitiesAreNotPublic = classes().that().areAnnotatedWith(Entity.class).should().notBePublic()
		.because("an entity is its module's business; others get records from the facade");

	@ArchTest
	static final ArchRule repositoriesAreNotPublic = classes().that().areAssignableTo(Repository.class).should()
		.notBePublic().because("only the module's facade touches its tables");

	@ArchTest
	static final ArchRule entitiesAreUsedOnlyInTheirModule = classes().that().areAnnotatedWith(Entity.class)
		.should(beAccessedOnlyFromTheirOwnModule());

	@ArchTest
	static final ArchRule repositoriesAreUsedOnlyInTheirModule = classes().that().areAssignableTo(Repository.class)
		.should(beAccessedOnlyFromTheirOwnModule());

	@ArchTest
	static final ArchRule webCodeNeverTouchesRepositories = noClasses().that().resideInAPackage("..web..")
		.should().dependOnClassesThat().areAssignableTo(Repository.class)
		.because("controllers call the module's facade, never its repositories");

	@ArchTest
	static final ArchRule webCodeNeverTouchesEntities = noClasses().that().resideInAPackage("..web..")
		.should().dependOnClassesThat().areAnnotatedWith(Entity.class)
		.because("controllers bind forms and records, never entities");

	@ArchTest
	static final ArchRule moneyIsNeverFloatingPoint = noClasses().that().areAnnotatedWith(Entity.class)
		.should(haveFloatingPointFields()).because("money and quantities are exact");

	/**
	 * Controllers awaiting their new name (in modules being renamed at the same time). Empty this set once they
	 * are {@code *PageController}/{@code *ApiController}; the rule then holds for every controller.
	 */
	static final Set<String> AWAITING_RENAME = Set.of("MyCatalogController", "CatalogAdminController",
			"CatalogImportController");

	@ArchTest
	static final ArchRule controllersAreNamedForPagesOrTheApi = classes().that().areMetaAnnotatedWith(Controller.class)
		.and().areNotAssignableTo(ErrorController.class)
		.and(DescribedPredicate.describe("are not awaiting their rename",
				(JavaClass c) -> !AWAITING_RENAME.contains(c.getSimpleName())))
		.should().haveSimpleNameEndingWith("PageController").orShould().haveSimpleNameEndingWith("ApiController")
		.because("a controller serves pages (Thymeleaf, htmx) or the JSON API, never both, and says which by its name");

	private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnModule() {
		return new ArchCondition<>("be accessed only from their own module") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String module = moduleOf(item);
				item.getAccessesToSelf().forEach(access -> {
					if (!module.equals(moduleOf(access.getOriginOwner()))) {
						events.add(SimpleConditionEvent.violated(access, access.getDescription()));
					}
				});
				item.getDirectDependenciesToSelf().forEach(dependency -> {
					if (!module.equals(moduleOf(dependency.getOriginClass()))) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				});
			}
		};
	}

	private static ArchCondition<JavaClass> haveFloatingPointFields() {
		return new ArchCondition<>("have float or double fields") {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				item.getFields().stream()
					.filter(field -> DescribedPredicate.<JavaClass>describe("floating", type -> type.isEquivalentTo(double.class)
							|| type.isEquivalentTo(float.class) || type.isEquivalentTo(Double.class)
							|| type.isEquivalentTo(Float.class)).test(field.getRawType()))
					.forEach(field -> events.add(SimpleConditionEvent.satisfied(field, field.getFullName())));
			}
		};
	}

	static String moduleOf(JavaClass type) {
		String name = type.getPackageName();
		String rest = name.startsWith("cn.kejiao.") ? name.substring("cn.kejiao.".length()) : name;
		int dot = rest.indexOf('.');
		return dot < 0 ? rest : rest.substring(0, dot);
	}

}
