// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "nodes/nodeurifields.h"

#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQmlIntegration>

namespace Flotilla
{

/// The add-node and edit-node form's logic: the fields, the URI they make,
/// and a specific message for each field that is wrong. QML only shows it.
class NodeForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Transport transport READ transport WRITE setTransport NOTIFY changed)
    Q_PROPERTY(QString host READ host WRITE setHost NOTIFY changed)
    Q_PROPERTY(QString user READ user WRITE setUser NOTIFY changed)
    Q_PROPERTY(QString port READ port WRITE setPort NOTIFY changed)
    Q_PROPERTY(QString keyFile READ keyFile WRITE setKeyFile NOTIFY changed)
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY changed)
    Q_PROPERTY(QString rawUri READ rawUri WRITE setRawUri NOTIFY changed)
    Q_PROPERTY(QString name MEMBER m_name NOTIFY changed)
    /// The node's tags as typed, separated by commas or spaces.
    Q_PROPERTY(QString tagsText READ tagsText WRITE setTagsText NOTIFY changed)
    /// The tags understood from tagsText, each once, in the order typed.
    Q_PROPERTY(QStringList tags READ tags NOTIFY changed)
    /// Names of the other nodes: a new name must differ from them.
    Q_PROPERTY(QStringList takenNames MEMBER m_takenNames NOTIFY changed)
    /// The URI the fields make, shown live.
    Q_PROPERTY(QString uri READ uri NOTIFY changed)
    Q_PROPERTY(QString hostError READ hostError NOTIFY changed)
    Q_PROPERTY(QString userError READ userError NOTIFY changed)
    Q_PROPERTY(QString portError READ portError NOTIFY changed)
    Q_PROPERTY(QString keyFileError READ keyFileError NOTIFY changed)
    Q_PROPERTY(QString rawUriError READ rawUriError NOTIFY changed)
    Q_PROPERTY(QString nameError READ nameError NOTIFY changed)
    Q_PROPERTY(QString tagsError READ tagsError NOTIFY changed)
    Q_PROPERTY(bool uriValid READ uriValid NOTIFY changed)
    /// The URI turns off the check of the node's identity (no_verify=1 and the like).
    Q_PROPERTY(bool skipsVerification READ skipsVerification NOTIFY changed)
    /// The person has confirmed connecting without that check; forgotten whenever the URI changes.
    Q_PROPERTY(bool unverifiedAccepted READ unverifiedAccepted WRITE setUnverifiedAccepted NOTIFY changed)
    Q_PROPERTY(QString unverifiedError READ unverifiedError NOTIFY changed)
    Q_PROPERTY(bool valid READ valid NOTIFY changed)

public:
    /// How the node is reached (NodeUri::Transport).
    enum Transport {
        ThisComputer = int(NodeUri::Transport::ThisComputer),
        Ssh = int(NodeUri::Transport::Ssh),
        Tls = int(NodeUri::Transport::Tls),
        Tcp = int(NodeUri::Transport::Tcp),
        Raw = int(NodeUri::Transport::Raw),
    };
    Q_ENUM(Transport)

    explicit NodeForm(QObject *parent = nullptr);

    [[nodiscard]] Transport transport() const { return Transport(m_fields.transport); }
    void setTransport(Transport transport);
    [[nodiscard]] QString host() const { return m_fields.host; }
    void setHost(const QString &host);
    [[nodiscard]] QString user() const { return m_fields.user; }
    void setUser(const QString &user);
    [[nodiscard]] QString port() const { return m_fields.port; }
    void setPort(const QString &port);
    [[nodiscard]] QString keyFile() const { return m_fields.keyFile; }
    void setKeyFile(const QString &keyFile);
    [[nodiscard]] QString path() const { return m_fields.path; }
    void setPath(const QString &path);
    [[nodiscard]] QString rawUri() const { return m_fields.raw; }
    void setRawUri(const QString &uri);

    [[nodiscard]] QString uri() const { return m_built.uri; }
    [[nodiscard]] QString hostError() const { return problem("host"); }
    [[nodiscard]] QString userError() const { return problem("user"); }
    [[nodiscard]] QString portError() const { return problem("port"); }
    [[nodiscard]] QString keyFileError() const { return problem("keyFile"); }
    [[nodiscard]] QString rawUriError() const { return problem("raw"); }
    [[nodiscard]] QString nameError() const;
    [[nodiscard]] QString tagsText() const { return m_tagsText; }
    void setTagsText(const QString &text);
    [[nodiscard]] QStringList tags() const;
    [[nodiscard]] QString tagsError() const;
    [[nodiscard]] bool uriValid() const { return m_built.ok(); }
    [[nodiscard]] bool skipsVerification() const { return m_built.skipsVerification; }
    [[nodiscard]] bool unverifiedAccepted() const { return m_unverifiedAccepted; }
    void setUnverifiedAccepted(bool accepted);
    [[nodiscard]] QString unverifiedError() const;
    [[nodiscard]] bool valid() const
    {
        return uriValid() && unverifiedError().isEmpty() && nameError().isEmpty() && tagsError().isEmpty();
    }

    /// Fills the fields from a URI (as when editing a node).
    Q_INVOKABLE void setFromUri(const QString &uri);

Q_SIGNALS:
    void changed();

private:
    void setFields(const NodeUri::Fields &fields);
    /// Changes one text field of the form and re-checks the whole.
    void setField(QString NodeUri::Fields::*field, const QString &value);
    [[nodiscard]] QString problem(const char *field) const { return m_built.problems.value(QLatin1StringView(field)); }

    NodeUri::Fields m_fields;
    NodeUri::Built m_built;
    QString m_name;
    QString m_tagsText;
    QStringList m_takenNames;
    bool m_unverifiedAccepted = false;
};

} // namespace Flotilla
