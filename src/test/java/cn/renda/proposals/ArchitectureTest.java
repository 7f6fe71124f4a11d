package cn.renda.proposals;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.renda.proposals.proposal.ProposalRecord;
import cn.renda.proposals.proposal.ProposalRecords;
import cn.renda.proposals.proposal.ProposalStatus;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The boundaries of the features (package by feature, see STYLE.md). */
@AnalyzeClasses(packages = "cn.renda.proposals", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Features depend on each other in one direction only. */
  @ArchTest
  static final ArchRule featuresAreFreeOfCycles = slices().matching("cn.renda.proposals.(*)..").should()
      .beFreeOfCycles();

  /** The engine's internal API is used in one place, so that an engine upgrade (or a fork) is adapted there. */
  @ArchTest
  static final ArchRule engineInternalsOnlyInPlatform = noClasses()
      .that().resideOutsideOfPackage("cn.renda.proposals.platform..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..");

  /** Only the process feature talks to the engine's runtime and task services on behalf of the procedure. */
  @ArchTest
  static final ArchRule recordDoesNotDriveTheProcess = noClasses()
      .that().resideInAnyPackage("cn.renda.proposals.proposal..", "cn.renda.proposals.publication..",
          "cn.renda.proposals.alert..", "cn.renda.proposals.agency..", "cn.renda.proposals.calendar..")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.RuntimeService")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("org.camunda.bpm.engine.TaskService");

  /**
   * The engine glue knows no feature: features implement its interfaces (WritePolicy, DeliveryWorker, LoginGuard)
   * and it reaches them through those. It may use the shared error shapes and the calendar's settings.
   */
  @ArchTest
  static final ArchRule platformKnowsNoFeature = noClasses()
      .that().resideInAPackage("cn.renda.proposals.platform..")
      .should().dependOnClassesThat().resideInAnyPackage("cn.renda.proposals.process..",
          "cn.renda.proposals.proposal..", "cn.renda.proposals.alert..", "cn.renda.proposals.identity..",
          "cn.renda.proposals.agency..", "cn.renda.proposals.publication..", "cn.renda.proposals.api..",
          "cn.renda.proposals.tasklist..", "cn.renda.proposals.demo..");

  /** Only the steps of the process move a proposal's status (each task says which status it waits in). */
  @ArchTest
  static final ArchRule onlyTheProcessMovesTheStatus = noClasses()
      .that().resideOutsideOfPackages("cn.renda.proposals.process..", "cn.renda.proposals.proposal..")
      .should().callMethod(ProposalRecords.class, "enter", ProposalRecord.class, ProposalStatus.class);

  /** Every settings class is bound: the application names each one (it does not scan for them). */
  @ArchTest
  static void everySettingsClassIsNamedByTheApplication(JavaClasses classes) {
    Set<String> named = Arrays.stream(
            ProposalHandlingApplication.class.getAnnotation(EnableConfigurationProperties.class).value())
        .map(Class::getName).collect(Collectors.toSet());
    assertThat(classes.stream().filter(type -> type.isAnnotatedWith(ConfigurationProperties.class))
        .map(JavaClass::getName)).isNotEmpty().allSatisfy(name -> assertThat(named).contains(name));
  }

  /** Controllers stay thin: they never reach the database directly. */
  @ArchTest
  static final ArchRule controllersUseServices = noClasses()
      .that().haveSimpleNameEndingWith("Controller")
      .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient");
}
