// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QByteArray>
#include <QHash>
#include <QTcpServer>
#include <QUrl>

namespace Flotilla::Testing
{

/// A web server on 127.0.0.1 for tests that fetch files: it answers GET
/// with the bytes served at a path (HTTP/1.0, Content-Length) and 404
/// otherwise. Written by hand: a few lines of QTcpServer spare the tests a
/// module of their own.
class FileServer : public QObject
{
    Q_OBJECT

public:
    FileServer();
    void serve(const QString &path, const QByteArray &bytes) { m_files.insert(path, bytes); }
    [[nodiscard]] QUrl url(const QString &path) const;

private:
    void answer(QTcpSocket *socket);

    QTcpServer m_server;
    QHash<QString, QByteArray> m_files;
};

} // namespace Flotilla::Testing
