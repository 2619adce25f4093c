package dev.concierge.console;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The console window: the product header on top (with the switch of language at its right), and the screen of the
 * moment (sign-in, then the shell).
 */
final class ConsoleView extends BorderPane {
    private final Label desk;
    private final MenuButton language = new MenuButton();

    /** @param chosen what a language picked in the header does (the console rebuilds its screens in it) */
    ConsoleView(Texts texts, Consumer<UiLanguage> chosen) {
        Label product = Controls.label("product-name", "Concierge", Styles.TITLE_3);
        desk = Controls.label("desk-name", "", Styles.TITLE_4, Styles.TEXT_MUTED);

        language.setId("ui-language");
        language.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        // out of the Tab order: a screen's first field (and the shell's Ctrl+digit keys) keep the focus after sign-in
        language.setFocusTraversable(false);
        for (UiLanguage each : UiLanguage.values()) {
            MenuItem item = new MenuItem(each.ownName());
            item.setId("ui-language-" + each.code());
            item.setOnAction(event -> chosen.accept(each));
            language.getItems().add(item);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);

        HBox header = new HBox(12, product, desk, gap, language);
        header.setAlignment(Pos.BASELINE_LEFT);
        header.setPadding(new Insets(10, 24, 10, 24));
        // a border, not a Separator: a separator's own padding leaves a strip between the header and the screen
        header.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 1 0;");
        setTop(header);
        speak(texts);
    }

    /** The header's words in the language of {@code texts}. */
    void speak(Texts texts) {
        desk.setText(texts.get("app.desk"));
        desk.setAccessibleText(texts.get("app.desk"));
        language.setText(texts.language().ownName());
        language.setAccessibleText(texts.get("app.language", texts.language().ownName()));
    }

    void show(@org.jspecify.annotations.Nullable Node screen) {
        setCenter(screen);
    }
}
