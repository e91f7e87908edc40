// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "shell/translations.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Flotilla::Translations
{
namespace
{
/// The running program's folder, also before an application object exists
/// (main() reads the command line, whose help is translated, before that).
QString programFolder()
{
    if (QCoreApplication::instance()) {
        return QCoreApplication::applicationDirPath();
    }
    return QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath(); // Linux; elsewhere empty
}
} // namespace

QString buildFolderCatalogues(const QString &programFolder)
{
    if (programFolder.isEmpty()) {
        return {};
    }
    // The build puts programs in bin/ and catalogues in locale/, beside the
    // CMake cache; no installed prefix has a CMake cache.
    const QDir build(programFolder + QStringLiteral("/.."));
    if (!build.exists(QStringLiteral("CMakeCache.txt")) || !build.exists(QStringLiteral("locale"))) {
        return {};
    }
    return QDir::cleanPath(build.filePath(QStringLiteral("locale")));
}

void setUp()
{
    KLocalizedString::setApplicationDomain("flotilla");
    if (const QString catalogues = buildFolderCatalogues(programFolder()); !catalogues.isEmpty()) {
        KLocalizedString::addDomainLocaleDir("flotilla", catalogues);
    }
}

} // namespace Flotilla::Translations
