package org.verso.web.shell;

import java.util.Objects;

/**
 * A count on a home page tile: how many of something wait at the place the tile leads to.
 *
 * @param href the tile it belongs to (the navigation item's {@code href})
 * @param name a stable name, for the page's markup
 * @param messageKey the message bundle key of its label, taking the count as {@code {0}}
 * @param value the count
 * @param attention whether it asks for someone to look (failures), shown so
 */
public record TileFigure(String href, String name, String messageKey, long value, boolean attention) {
    public TileFigure {
        Objects.requireNonNull(href, "href");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(messageKey, "messageKey");
    }
}
