// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "tlscertificates.h"

#include <QFile>
#include <QProcess>

namespace Flotilla::Testing
{

namespace
{
Result<bool> openssl(const QString &folder, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Error{.message = QStringLiteral("openssl %1 failed").arg(arguments.join(QLatin1Char(' '))),
            .details = QString::fromUtf8(process.readAll())};
    }
    return true;
}

const QStringList newKey{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
    QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};

/// A certificate @p name (server or client) signed by the folder's CA, with
/// the extensions libvirt checks: its key's uses, and what it is for.
Result<bool> signedCertificate(const QString &folder, const QString &name, const QByteArray &extensions)
{
    QFile file(folder + QLatin1Char('/') + name + QStringLiteral(".ext"));
    if (!file.open(QIODevice::WriteOnly) || file.write(extensions) != extensions.size()) {
        return Error{.message = QStringLiteral("cannot write ") + file.fileName()};
    }
    file.close();
    Result<bool> done = openssl(folder,
        QStringList{QStringLiteral("req")} + newKey
            + QStringList{QStringLiteral("-keyout"), name + QStringLiteral("key.pem"), QStringLiteral("-out"),
                name + QStringLiteral(".csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (done) {
        done = openssl(folder,
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                QStringLiteral("-CA"), QStringLiteral("cacert.pem"), QStringLiteral("-CAkey"),
                QStringLiteral("cakey.pem"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"),
                QStringLiteral("2"), QStringLiteral("-extfile"), name + QStringLiteral(".ext"), QStringLiteral("-out"),
                name + QStringLiteral("cert.pem")});
    }
    return done;
}
} // namespace

Result<bool> makeTlsCertificates(const QString &folder)
{
    Result<bool> done = openssl(folder,
        QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + newKey
            + QStringList{QStringLiteral("-keyout"), QStringLiteral("cakey.pem"), QStringLiteral("-out"),
                QStringLiteral("cacert.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=Flotilla test CA"), QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    const QByteArray uses = "basicConstraints=critical,CA:FALSE\n"
                            "keyUsage=critical,digitalSignature,keyEncipherment\n";
    if (done) {
        done = signedCertificate(
            folder, QStringLiteral("server"), uses + "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1\n");
    }
    if (done) {
        done = signedCertificate(folder, QStringLiteral("client"), uses + "extendedKeyUsage=clientAuth\n");
    }
    return done;
}

} // namespace Flotilla::Testing
