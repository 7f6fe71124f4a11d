package cn.renda.proposals.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The national-scale benchmark, small: it seeds, measures every figure it knows and prints its table. */
class NationalScaleSmokeTest {

  @Test
  void shouldMeasureEveryFigureOnASmallSeed() throws Exception {
    List<String> log = new ArrayList<>();
    List<NationalScale.Figure> figures = NationalScale.run(new NationalScale.Sizes(20, 200, 60, 3, 2, 10, 1), log);

    assertThat(log).hasSize(17);
    assertThat(figures).extracting(figure -> figure.name().substring(0, 1))
        .containsOnly("1", "2", "3", "4", "5", "6", "7")
        .contains("1", "2", "3", "4", "5", "6", "7");
    assertThat(figures).extracting(NationalScale.Figure::name)
        .anySatisfy(name -> assertThat(name).startsWith("3. agency inbox"))
        .anySatisfy(name -> assertThat(name).startsWith("4. GET /api/proposals"));
    assertThat(figures).filteredOn(figure -> figure.name().startsWith("1.") || figure.name().startsWith("7."))
        .hasSize(3)
        .allSatisfy(figure -> assertThat(figure.measured())
            .matches("\\d+\\.\\d\\d × \\([0-9.]+ (completions/s|s|MB)\\)"));
    assertThat(figures).filteredOn(figure -> figure.name().startsWith("5."))
        .extracting(NationalScale.Figure::measured)
        .satisfiesExactly(sent -> assertThat(sent).matches("\\d+ s / \\d+ s"),
            ratio -> assertThat(ratio).matches("[0-9.]+ ×"));
    assertThat(figures).filteredOn(figure -> figure.name().matches("[234]\\..*"))
        .hasSize(6)
        .allSatisfy(figure -> assertThat(figure.measured()).matches("\\d+ ms \\(p50 \\d+\\)"));
    assertThat(figures).filteredOn(figure -> figure.name().startsWith("6."))
        .singleElement()
        .satisfies(figure -> assertThat(figure.measured()).matches("\\d+ KB"));
    List<String> table = NationalScale.table(figures);
    assertThat(table).hasSize(figures.size() + 1);
    log.forEach(System.out::println);
    table.forEach(System.out::println);
  }
}
