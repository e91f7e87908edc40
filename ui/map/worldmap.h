// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "map/mapgeometry.h"
#include "map/mapmarkers.h"
#include "map/mappainter.h"
#include "map/markerlayout.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QQuickPaintedItem>
#include <QtQmlIntegration>

namespace Flotilla
{

/// The world with every node of a model where it stands, drawn offline from
/// the bundled Natural Earth countries. Nodes are coloured by connection and
/// load, sized by machine count, and grouped where they would overlap.
/// Wheel, drag, keys (+, -, arrows, 0) zoom and pan; a click opens a node or
/// zooms into a group; in picking mode a click picks a place instead. By
/// keyboard, Tab and Shift+Tab walk the markers in view (then leave the map),
/// Enter or Space opens the focused one like a click, Escape lets it go.
class WorldMap : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT
    /// Rows with the roles nodeId, name, city, connectionState, cpuPercent,
    /// machineCount, latitude and longitude (NodeListModel's).
    Q_PROPERTY(QAbstractItemModel *model READ model WRITE setModel NOTIFY modelChanged)
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY viewChanged)
    Q_PROPERTY(bool picking MEMBER m_picking NOTIFY pickingChanged)
    Q_PROPERTY(bool hasPin READ hasPin NOTIFY pinChanged)
    Q_PROPERTY(double pinLatitude READ pinLatitude NOTIFY pinChanged)
    Q_PROPERTY(double pinLongitude READ pinLongitude NOTIFY pinChanged)
    /// A node drawn with a ring; the view centres on it when set.
    Q_PROPERTY(QString highlightedNodeId READ highlightedNodeId WRITE setHighlightedNodeId NOTIFY highlightChanged)
    /// The markers as drawn: maps with x, y, count, nodeIds and names.
    Q_PROPERTY(QVariantList groups READ groups NOTIFY groupsChanged)
    /// What the pointer rests on, for a tooltip; empty when nothing.
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverChanged)
    Q_PROPERTY(QPointF hoverPoint READ hoverPoint NOTIFY hoverChanged)
    /// The marker the keyboard is on (a node of it, for a group); empty when none.
    Q_PROPERTY(QString focusedNodeId READ focusedNodeId NOTIFY focusedNodeChanged)
    /// What the keyboard's marker stands for, as the hover text would say it.
    Q_PROPERTY(QString focusText READ focusText NOTIFY focusedNodeChanged)
    /// The diameter of a node with no machines, in pixels.
    Q_PROPERTY(double markerSize MEMBER m_markerSize NOTIFY appearanceChanged)
    Q_PROPERTY(QColor waterColor MEMBER m_waterColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor landColor MEMBER m_landColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor borderColor MEMBER m_borderColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor goodColor MEMBER m_goodColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor busyColor MEMBER m_busyColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor badColor MEMBER m_badColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor offColor MEMBER m_offColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor textColor MEMBER m_textColor NOTIFY appearanceChanged)
    Q_PROPERTY(QColor highlightColor MEMBER m_highlightColor NOTIFY appearanceChanged)

public:
    explicit WorldMap(QQuickItem *parent = nullptr);

    void paint(QPainter *painter) override;

    [[nodiscard]] QAbstractItemModel *model() const { return m_markers.model(); }
    void setModel(QAbstractItemModel *model);
    [[nodiscard]] double zoom() const { return m_view.zoom; }
    void setZoom(double zoom);
    [[nodiscard]] bool hasPin() const { return m_pin.has_value(); }
    [[nodiscard]] double pinLatitude() const { return m_pin ? m_pin->y() : qQNaN(); }
    [[nodiscard]] double pinLongitude() const { return m_pin ? m_pin->x() : qQNaN(); }
    [[nodiscard]] QString highlightedNodeId() const { return m_highlighted; }
    void setHighlightedNodeId(const QString &id);
    [[nodiscard]] QVariantList groups();
    [[nodiscard]] QString hoverText() const { return m_hoverText; }
    [[nodiscard]] QPointF hoverPoint() const { return m_hoverPoint; }
    [[nodiscard]] QString focusedNodeId() const { return m_focusedNodeId; }
    [[nodiscard]] QString focusText();

    Q_INVOKABLE void zoomIn();
    Q_INVOKABLE void zoomOut();
    /// The whole world again.
    Q_INVOKABLE void resetView();
    Q_INVOKABLE void centreOn(double latitude, double longitude, double zoom);
    /// Where a place is drawn, in the item's coordinates.
    Q_INVOKABLE [[nodiscard]] QPointF itemPoint(double latitude, double longitude) const;
    /// The place under a point of the item: x is the longitude, y the latitude.
    Q_INVOKABLE [[nodiscard]] QPointF placeAt(QPointF point) const;
    /// Sets the pin (picking mode's mark), or clears it with NaN.
    Q_INVOKABLE void setPin(double latitude, double longitude);
    /// What a click at @p point does: opens a node, zooms into a group, or picks.
    Q_INVOKABLE void clickAt(QPointF point);

Q_SIGNALS:
    void modelChanged();
    void viewChanged();
    void pickingChanged();
    void pinChanged();
    void highlightChanged();
    void groupsChanged();
    void hoverChanged();
    void focusedNodeChanged();
    void appearanceChanged();
    void nodeClicked(const QString &nodeId);
    /// A node's marker was right-clicked at @p point (in the map's coordinates).
    void nodeMenuRequested(const QString &nodeId, QPointF point);
    void locationPicked(double latitude, double longitude);

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    static constexpr double zoomStep = 1.5; ///< one wheel notch, one key press, one button

    void markersMoved();
    void viewMoved();
    /// The markers as drawn now, made again if the markers or the view moved.
    [[nodiscard]] const MarkerLayout &layout();
    [[nodiscard]] const MarkerGroup *focusedGroup();
    [[nodiscard]] MapStyle style() const;
    void setHover(const QString &text, QPointF point);
    /// What a click on @p group does: opens its node, or zooms into it.
    void open(const MarkerGroup &group);
    void setFocusedNode(const QString &id);
    /// To the next (or previous) marker in view; false past the ends.
    bool moveFocus(bool forward);
    /// Tab, Enter, Space and Escape among the markers; false when the key is not for them.
    bool focusKey(QKeyEvent *event);
    /// Arrows pan, + and - zoom, 0 and Home show the whole world; false for other keys.
    bool viewKey(QKeyEvent *event);

    MapMarkers m_markers;
    MapGeometry::View m_view;
    MarkerLayout m_layout;
    bool m_layoutStale = true;
    MapPainter m_painter;
    std::optional<QPointF> m_pin; ///< x longitude, y latitude
    bool m_picking = false;
    QString m_highlighted;
    QString m_hoverText;
    QString m_focusedNodeId;
    QPointF m_hoverPoint;
    QPointF m_pressPoint;
    QPointF m_lastDragPoint;
    bool m_dragged = false;
    double m_markerSize = 10;
    QColor m_waterColor{0xdd, 0xe8, 0xf0};
    QColor m_landColor{0xf4, 0xf4, 0xf0};
    QColor m_borderColor{0xa0, 0xa0, 0xa0};
    QColor m_goodColor{0x27, 0xae, 0x60};
    QColor m_busyColor{0xf6, 0x74, 0x00};
    QColor m_badColor{0xda, 0x44, 0x53};
    QColor m_offColor{0x9a, 0x9a, 0x9a};
    QColor m_textColor{0x23, 0x26, 0x29};
    QColor m_highlightColor{0x3d, 0xae, 0xe9};
};

} // namespace Flotilla
