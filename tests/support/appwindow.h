// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "fleet/historykeeper.h"

#include <QObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Flotilla::Testing
{

/// Flotilla's real window on the test fleet, for tests that drive the UI as
/// a person would: find items by object name, click them, type, take
/// screenshots. It records every warning raised while it lives, of any
/// logging category (but a few that Kirigami itself raises, listed in
/// appwindow.cpp); a test ends by checking warnings() is empty.
///
/// The helpers that can fail record why (as QVERIFY does) and return false:
/// a test wraps them, QVERIFY(app.click(button)), so that it stops there.
class AppWindow : public QObject
{
    Q_OBJECT

public:
    static constexpr int timeoutMs = 20000;

    explicit AppWindow(QObject *parent = nullptr);
    ~AppWindow() override;

    /// Opens the test fleet (tests/data/fleet, not the demo, whose machines
    /// change as the demo improves), applies the Breeze look
    /// ($FLOTILLA_COLOR_SCHEME or BreezeLight), loads the window and shows it.
    [[nodiscard]] bool open();
    /// As open(), on the bundled demo as `flotilla --demo` unpacks it: for
    /// what needs the demo's own content (its image libraries).
    [[nodiscard]] bool openDemo();
    /// As open(), on @p nodes: for the end-to-end tests' real nodes.
    [[nodiscard]] bool openOn(const QList<NodeEntry> &nodes);

    /// Before open(): keeps the charts' history in @p path, as the program does.
    void keepHistory(const QString &path) { m_historyPath = path; }

    [[nodiscard]] Fleet &fleet() { return m_fleet; }
    [[nodiscard]] const Fleet &fleet() const { return m_fleet; }
    [[nodiscard]] QQuickWindow *window() const { return m_window; }
    [[nodiscard]] QStringList warnings() const;

    /// An item by object name, searched through the visual tree (items that
    /// views and repeaters make are not all QObject children); null if none.
    [[nodiscard]] QQuickItem *item(QLatin1StringView name) const;
    [[nodiscard]] QQuickItem *item(const char *name) const { return item(QLatin1StringView(name)); }
    [[nodiscard]] static QQuickItem *find(QQuickItem *parent, QLatin1StringView name);
    /// The row of list @p listName that shows machine or node @p name (any
    /// row, if empty) and stands in the window: not one of the view's pooled
    /// rows kept out of sight.
    [[nodiscard]] QQuickItem *rowInView(const char *listName, const QString &name = {}) const;

    /// Scrolls the flickables around @p target until its centre is shown (shownPart).
    void scrollIntoView(QQuickItem *target);
    /// The part of @p target a person sees, in the window's coordinates: inside the window and every clipping parent.
    [[nodiscard]] QRectF shownPart(QQuickItem *target) const;
    /// Whether enough of @p target is shown to click it: all of it, or at least 8 × 8 pixels.
    [[nodiscard]] bool isClickable(QQuickItem *target) const;
    /// Where @p target and its scrolling parents stand, for a click that could not reach it.
    [[nodiscard]] QString whereItIs(QQuickItem *target) const;
    /// Scrolls @p target into view and clicks its centre (it must be visible) with the mouse.
    [[nodiscard]] bool click(
        QQuickItem *target, Qt::KeyboardModifiers modifiers = {}, Qt::MouseButton button = Qt::LeftButton);
    /// Gives @p field focus, clears it and types @p text key by key.
    [[nodiscard]] bool type(QQuickItem *field, const QString &text);
    /// Waits until the popup (menu, dialog) that holds @p item has finished
    /// opening: until then it may still move, and take no clicks.
    [[nodiscard]] bool waitUntilOpened(QQuickItem *item);
    /// Waits until @p item stands still: at the same place in two frames in
    /// a row (a page pushed slides in, with its toolbar).
    [[nodiscard]] bool waitUntilStill(QQuickItem *item);
    /// Triggers the action @p name found under @p from (a page's toolbar
    /// action, a dialog's button) once it is enabled, and visible where it
    /// says; false, with the test failed, when it never is.
    [[nodiscard]] bool trigger(QObject *from, const char *name);
    /// Calls a function of the window's root object (Main.qml), e.g. "showMachines".
    bool call(const char *function);

    /// Saves the window (or another, @p of) as $FLOTILLA_TEST_ARTIFACTS/NAME.png
    /// after checking it is not blank.
    [[nodiscard]] bool screenshot(const QString &name, QQuickWindow *of = nullptr);

    /// True once every node has been read and has live figures.
    [[nodiscard]] bool fleetIsLive() const;

private:
    void openWindow(bool demo, const QList<NodeEntry> &nodes = {});
    void clickAt(QQuickItem *target, Qt::KeyboardModifiers modifiers, Qt::MouseButton button);
    void typeInto(QQuickItem *field, const QString &text);
    void saveScreenshot(const QString &name, QQuickWindow *window);

    Fleet m_fleet;
    QString m_historyPath;
    std::unique_ptr<HistoryKeeper> m_history; ///< goes before the fleet
    QTemporaryDir m_demo; ///< where openDemo() unpacks the demo
    std::unique_ptr<FleetView> m_view; ///< deleted after the engine (see ~AppWindow)
    QQmlApplicationEngine *m_engine = nullptr;
    QQuickWindow *m_window = nullptr;
};

} // namespace Flotilla::Testing
