package dev.concierge.console.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link Plot} into a JavaFX chart: the categories in their order, a series per line of the legend, and every
 * value with its words as a tooltip and as the text a screen reader reads; bars carry their number when it fits.
 */
final class Charts {
    /** With more bars than this a number on each would not fit. */
    private static final int NUMBERED_UP_TO = 16;

    private Charts() {}

    static void draw(XYChart<String, Number> chart, Plot plot, @Nullable DoubleFunction<String> number) {
        CategoryAxis axis = (CategoryAxis) chart.getXAxis();
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        boolean numbered = number != null && plot.categories().size() <= NUMBERED_UP_TO;
        for (Plot.Series one : plot.series()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(one.name());
            for (int i = 0; i < plot.categories().size(); i++) {
                double value = one.values().get(i);
                XYChart.Data<String, Number> data =
                        new XYChart.Data<>(plot.categories().get(i), value);
                if (chart instanceof BarChart<?, ?> || chart instanceof javafx.scene.chart.StackedBarChart<?, ?>) {
                    // the chart takes this node as the bar: a number on it, so no colour has to be told apart
                    StackPane bar = new StackPane();
                    if (numbered && number != null && value > 0) {
                        // a Text, not a Label: the number is the bar's picture, read out with the bar's own text
                        Text figure = new Text(number.apply(value));
                        figure.getStyleClass().add("bar-figure");
                        figure.setStyle("-fx-fill: white; -fx-font-size: 11px; -fx-font-weight: bold;");
                        figure.setManaged(false);
                        figure.setTextOrigin(javafx.geometry.VPos.CENTER);
                        bar.getChildren().add(figure);
                        // centred by hand: unmanaged, it never widens a thin bar
                        bar.layoutBoundsProperty().addListener((observable, before, now) -> {
                            figure.setLayoutX(
                                    (now.getWidth() - figure.getLayoutBounds().getWidth()) / 2);
                            figure.setLayoutY(now.getHeight() / 2);
                            figure.setVisible(now.getHeight() >= 14
                                    && now.getWidth()
                                            >= figure.getLayoutBounds().getWidth());
                        });
                    }
                    data.setNode(bar);
                }
                String note = one.notes().get(i);
                data.nodeProperty().addListener((observable, before, now) -> describe(now, note));
                if (data.getNode() != null) {
                    describe(data.getNode(), note);
                }
                series.getData().add(data);
            }
            all.add(series);
        }
        chart.getData().clear();
        axis.setCategories(FXCollections.observableArrayList(plot.categories()));
        chart.getData().setAll(all);
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> data : series.getData()) {
                Node node = data.getNode();
                if (node != null && !node.accessibleTextProperty().isBound() && node.getAccessibleText() == null) {
                    describe(node, series.getName() + ", " + data.getXValue() + ": " + data.getYValue());
                }
            }
        }
    }

    static void pie(PieChart chart, Plot plot) {
        List<PieChart.Data> slices = new ArrayList<>();
        if (!plot.series().isEmpty()) {
            Plot.Series one = plot.series().get(0);
            for (int i = 0; i < plot.categories().size(); i++) {
                long count = Math.round(one.values().get(i));
                PieChart.Data slice = new PieChart.Data(plot.categories().get(i) + " (" + count + ")", count);
                String note = one.notes().get(i);
                slice.nodeProperty().addListener((observable, before, now) -> describe(now, note));
                slices.add(slice);
            }
        }
        chart.setData(FXCollections.observableArrayList(slices));
        for (int i = 0; i < slices.size(); i++) {
            Node node = slices.get(i).getNode();
            if (node != null) {
                describe(node, plot.series().get(0).notes().get(i));
            }
        }
    }

    private static void describe(@Nullable Node node, String note) {
        if (node == null) {
            return;
        }
        // the charts give bars, symbols and slices a text of their own ("10 Mar, 2"); ours says more where they do not
        if (!node.accessibleTextProperty().isBound()) {
            node.setAccessibleText(note);
        }
        Tooltip tip = new Tooltip(note);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(node, tip);
    }
}
