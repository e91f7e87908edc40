// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "appwindow.h"

#include <QLocale>
#include <QStandardPaths>
#include <QTest>

using Flotilla::Testing::AppWindow;

/// The window under a German locale, run from the build folder as
/// `tools/devenv run` runs it: no XDG_DATA_DIRS names the build folder
/// (CMake unsets it for this test), yet Flotilla's own strings are German,
/// from the catalogue built beside the program.
class GermanWindowTest : public QObject
{
    Q_OBJECT

    static constexpr int timeoutMs = AppWindow::timeoutMs;
    AppWindow m_app;

    QString text(const char *item, const char *property) const
    {
        const QQuickItem *found = m_app.item(item);
        return found ? found->property(property).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QLocale().language(), QLocale::German);
        QVERIFY2(QStandardPaths::locate(
                     QStandardPaths::GenericDataLocation, QStringLiteral("locale/de/LC_MESSAGES/flotilla.mo"))
                     .isEmpty(),
            "the standard data folders must not hold the catalogue: this test is about finding it without them");
        QVERIFY(m_app.open());
    }

    void showsOurStringsInGerman()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_app.item("vcpusTotal"), timeoutMs);
        QCOMPARE(text("vcpusTotal", "title"), QStringLiteral("Zugewiesene vCPUs"));
        QTRY_VERIFY_WITH_TIMEOUT(text("machinesTotal", "figure").endsWith(QStringLiteral(" von 60 laufen")), timeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_app.fleetIsLive(), timeoutMs);
        QVERIFY(m_app.screenshot(QStringLiteral("dashboard-de")));
    }

    void raisedNoWarning()
    {
        const QStringList warnings = m_app.warnings();
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(GermanWindowTest)
#include "tst_germanwindow.moc"
