package dev.concierge.kiosk;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * The chat screen's top line: a title on the left and buttons on the right, on one row while both fit, else the
 * buttons on a row of their own under the title (larger text, a longer language). Neither is ever cut off, as an HBox
 * would cut the title.
 */
final class HeaderBar extends Region {
    private static final double GAP = 24;

    private final Node title;
    private final Node buttons;

    HeaderBar(Node title, Node buttons) {
        this.title = title;
        this.buttons = buttons;
        getChildren().addAll(title, buttons);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + Math.max(title.minWidth(-1), buttons.prefWidth(-1)) + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + title.prefWidth(-1) + GAP + buttons.prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inside = (width < 0 ? computePrefWidth(-1) : width) - in.getLeft() - in.getRight();
        double content = oneRow(inside)
                ? Math.max(titleHeight(inside), buttons.prefHeight(-1))
                : titleHeight(inside) + GAP / 2 + buttons.prefHeight(-1);
        return in.getTop() + content + in.getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft();
        double top = in.getTop();
        double inside = getWidth() - left - in.getRight();
        double buttonsWidth = Math.min(inside, buttons.prefWidth(-1));
        double buttonsHeight = buttons.prefHeight(-1);
        if (oneRow(inside)) {
            double height = getHeight() - top - in.getBottom();
            double titleWidth = inside - GAP - buttonsWidth;
            layoutInArea(title, left, top, titleWidth, height, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(buttons, left + inside - buttonsWidth, top, buttonsWidth, height, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            double titleHeight = titleHeight(inside);
            layoutInArea(title, left, top, inside, titleHeight, 0, HPos.LEFT, VPos.CENTER);
            layoutInArea(
                    buttons,
                    left + inside - buttonsWidth,
                    top + titleHeight + GAP / 2,
                    buttonsWidth,
                    buttonsHeight,
                    0,
                    HPos.RIGHT,
                    VPos.CENTER);
        }
    }

    private boolean oneRow(double inside) {
        return title.prefWidth(-1) + GAP + buttons.prefWidth(-1) <= inside;
    }

    private double titleHeight(double inside) {
        return title.prefHeight(Math.min(inside, title.prefWidth(-1)));
    }
}
