// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include "fleet/fleet.h"
#include "fleet/fleetview.h"
#include "provisioning/cloudinit.h"
#include "provisioning/imageheader.h"
#include "provisioning/imagelibrary.h"
#include "provisioning/machineprovisioning.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQmlIntegration>
#include <optional>

namespace Flotilla
{

/// The create-machine wizard's state and its checks, for QML: what the
/// person chose at each step, what is wrong with it (by field, beside the
/// field), and the run that makes the machines through the fleet
/// (Fleet::provision), with each machine's steps. The steps: image, where,
/// size, disks, setup, review, progress.
class MachineWizard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Flotilla::FleetView *fleet READ view WRITE setView NOTIFY fleetChanged REQUIRED)

    // 1. Image
    /// Every image in the connected nodes' libraries, by name: name, format,
    /// virtualBytes, installer, problem, nodes (their names, joined), nodeIds.
    Q_PROPERTY(QVariantList images READ images NOTIFY choicesChanged)
    /// The image's volume name, or the file's name when it comes from a file.
    Q_PROPERTY(QString image READ image WRITE setImage NOTIFY changed)
    /// An image file on this computer, uploaded to the node first; empty: from a library.
    Q_PROPERTY(QUrl imageFile READ imageFile WRITE setImageFile NOTIFY changed)
    /// The image is an installer (ISO): the machine boots it with an empty
    /// root disk, and is set up in the installer, not by cloud-init.
    Q_PROPERTY(bool installing READ installing NOTIFY changed)

    // 2. Where
    /// Each node: nodeId, name, country, kvm, simulated (a demo node), cpus,
    /// freeMemoryBytes, poolFreeBytes, hasImage, problem (why the machine
    /// cannot go there).
    Q_PROPERTY(QVariantList nodes READ nodes NOTIFY choicesChanged)
    Q_PROPERTY(QString nodeId READ nodeId WRITE setNodeId NOTIFY changed)
    /// The node with the most room for this image, and why: "Helsinki: 24 GiB free, image already there".
    Q_PROPERTY(QString suggestedNodeId READ suggestedNodeId NOTIFY changed)
    Q_PROPERTY(QString suggestion READ suggestion NOTIFY changed)
    Q_PROPERTY(QStringList pools READ pools NOTIFY changed)
    Q_PROPERTY(QString pool MEMBER m_pool NOTIFY changed)
    /// The node's networks, then "" for QEMU's own (outbound only).
    Q_PROPERTY(QStringList networks READ networks NOTIFY changed)
    Q_PROPERTY(QString network MEMBER m_network NOTIFY changed)
    /// The node has no KVM: the machine runs emulated, much slower.
    Q_PROPERTY(bool emulated READ isEmulated NOTIFY changed)
    Q_PROPERTY(bool uefiAvailable READ isUefiAvailable NOTIFY changed)
    /// The node's machines have serial consoles (a demo node's have none).
    Q_PROPERTY(bool hasConsoles READ hasConsoles NOTIFY changed)

    // 3. Size
    /// Each: name, vcpus, memoryMiB, rootGiB, text.
    Q_PROPERTY(QVariantList presets READ presets CONSTANT)
    Q_PROPERTY(int vcpus MEMBER m_vcpus NOTIFY changed)
    Q_PROPERTY(int maxVcpus MEMBER m_maxVcpus NOTIFY changed)
    Q_PROPERTY(int memoryMiB MEMBER m_memoryMiB NOTIFY changed)
    Q_PROPERTY(int maxMemoryMiB MEMBER m_maxMemoryMiB NOTIFY changed)
    Q_PROPERTY(int rootGiB MEMBER m_rootGiB NOTIFY changed)

    // 4. Disks
    Q_PROPERTY(bool linkedClone MEMBER m_linkedClone NOTIFY changed)
    Q_PROPERTY(int dataGiB MEMBER m_dataGiB NOTIFY changed) ///< 0: no data disk
    /// Where a new data disk goes; empty: the root disk's pool.
    Q_PROPERTY(QString dataPool MEMBER m_dataPool NOTIFY changed)
    /// Data disks kept on the chosen node from machines deleted before (no
    /// machine uses them), as {key ("pool/name"), name, pool, sizeBytes}.
    Q_PROPERTY(QVariantList keptDataDisks READ keptDataDisks NOTIFY changed)
    /// The kept data disk to attach instead of a new one ("pool/name"); empty: none.
    Q_PROPERTY(QString keptDataDisk MEMBER m_keptDataDisk NOTIFY changed)
    Q_PROPERTY(bool uefi MEMBER m_uefi NOTIFY changed)

    // 5. Setup
    /// The machine's name and host name; with count > 1 the names are name-01, name-02, …
    Q_PROPERTY(QString name MEMBER m_name NOTIFY changed)
    Q_PROPERTY(QString userName MEMBER m_userName NOTIFY changed)
    /// Write only: hashed at once, the password itself is not kept.
    Q_PROPERTY(QString password READ noPassword WRITE setPassword NOTIFY changed)
    Q_PROPERTY(bool hasPassword READ hasPassword NOTIFY changed)
    Q_PROPERTY(QString sshKeys MEMBER m_sshKeys NOTIFY changed) ///< one per line
    /// The public keys in ~/.ssh/*.pub: name (the file), key.
    Q_PROPERTY(QVariantList keyFiles READ keyFiles CONSTANT)
    Q_PROPERTY(QString packages MEMBER m_packages NOTIFY changed) ///< separated by spaces or lines
    Q_PROPERTY(QString commands MEMBER m_commands NOTIFY changed) ///< one per line
    Q_PROPERTY(QString timezone MEMBER m_timezone NOTIFY changed)
    Q_PROPERTY(bool staticAddress MEMBER m_static NOTIFY changed)
    Q_PROPERTY(QString address MEMBER m_address NOTIFY changed)
    Q_PROPERTY(QString gateway MEMBER m_gateway NOTIFY changed)
    Q_PROPERTY(QString nameservers MEMBER m_nameservers NOTIFY changed)
    Q_PROPERTY(QString ownConfig MEMBER m_ownConfig NOTIFY changed)

    // 6. Review
    Q_PROPERTY(int count MEMBER m_count NOTIFY changed)
    Q_PROPERTY(QStringList machineNames READ machineNames NOTIFY changed)
    /// The first machine's domain XML, as it will be defined.
    Q_PROPERTY(QString domainXml READ domainXml NOTIFY changed)
    /// The first machine's cloud-init documents (user-data, network-config), as its seed holds them; empty when
    /// installing.
    Q_PROPERTY(QString setupDocuments READ setupDocuments NOTIFY changed)
    Q_PROPERTY(bool startAfter MEMBER m_start NOTIFY changed)

    /// What is wrong, by field (the property's name): at every step.
    Q_PROPERTY(QVariantMap problems READ problems NOTIFY changed)
    /// What the person should know but may go ahead with, by field (memory beyond what is free).
    Q_PROPERTY(QVariantMap warnings READ warnings NOTIFY changed)

    // 7. Progress
    /// Each machine (and an upload first, when the image comes from a
    /// file): name, state ("waiting", "running", "done", "failed",
    /// "cancelled"), error, uuid, steps (each: title, state, simulated).
    Q_PROPERTY(QVariantList progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY progressChanged)
    Q_PROPERTY(bool finished READ isFinished NOTIFY progressChanged)

public:
    explicit MachineWizard(QObject *parent = nullptr);

    /// The fields that belong to each step, in order.
    static const QList<QStringList> &stepFields();

    [[nodiscard]] FleetView *view() const { return m_view; }
    void setView(FleetView *view);
    [[nodiscard]] QVariantList images() const;
    [[nodiscard]] QString image() const { return m_image; }
    void setImage(const QString &image);
    [[nodiscard]] QUrl imageFile() const { return m_imageFile; }
    void setImageFile(const QUrl &file);
    [[nodiscard]] QVariantList nodes() const;
    [[nodiscard]] QString nodeId() const { return m_nodeId; }
    void setNodeId(const QString &nodeId);
    [[nodiscard]] QString suggestedNodeId() const;
    [[nodiscard]] QString suggestion() const;
    [[nodiscard]] QStringList pools() const;
    [[nodiscard]] QStringList networks() const;
    [[nodiscard]] bool isEmulated() const;
    [[nodiscard]] bool isUefiAvailable() const;
    [[nodiscard]] bool hasConsoles() const;
    [[nodiscard]] QVariantList presets() const;
    [[nodiscard]] QString noPassword() const { return {}; }
    void setPassword(const QString &password);
    [[nodiscard]] bool hasPassword() const { return !m_passwordHash.isEmpty(); }
    [[nodiscard]] QVariantList keyFiles() const;
    [[nodiscard]] QStringList machineNames() const;
    [[nodiscard]] QString domainXml() const;
    [[nodiscard]] QString setupDocuments() const;
    [[nodiscard]] QVariantMap problems() const;
    [[nodiscard]] QVariantMap warnings() const;
    [[nodiscard]] QVariantList progress() const { return m_progress; }
    [[nodiscard]] bool isRunning() const;
    [[nodiscard]] bool isFinished() const { return !m_progress.isEmpty() && !isRunning(); }

    Q_INVOKABLE [[nodiscard]] static QString formatBytes(double bytes) { return FleetSummary::formatBytes(bytes); }
    /// True when the fields of @p step are all right.
    Q_INVOKABLE bool stepIsValid(int step) const;
    Q_INVOKABLE void applyPreset(int index);
    /// Adds the key in ~/.ssh/@p file to sshKeys.
    Q_INVOKABLE void addKeyFile(const QString &file);
    /// Makes the machines: uploads the image first if it comes from a file.
    Q_INVOKABLE void create();
    /// Stops every machine not made yet; what they made is undone.
    Q_INVOKABLE void cancel();

    /// The setup of machine @p name, as its seed will hold it.
    [[nodiscard]] MachineSetup setupFor(const QString &name) const;
    [[nodiscard]] bool installing() const;
    /// The root disk's least size: the image's own (0 for an installer).
    [[nodiscard]] quint64 rootAtLeast(const Fleet::Node *node) const;

Q_SIGNALS:
    void fleetChanged();
    void changed();
    void choicesChanged();
    void progressChanged();

private:
    struct Run;
    [[nodiscard]] const Fleet::Node *chosenNode() const;
    void readStockOnce(const Fleet::Node &node);
    /// Keeps the sizes within the chosen node's CPUs and memory.
    void fitToNode();
    /// The node's library, worked out once per change of the node (every
    /// list, check and suggestion reads it).
    [[nodiscard]] const QList<LibraryImage> &libraryOf(const Fleet::Node &node) const;
    /// The image as the chosen node's library holds it, if it does.
    [[nodiscard]] std::optional<NodeVolume> imageOnNode(const Fleet::Node &node) const;
    [[nodiscard]] quint64 freeMemory(const Fleet::Node &node) const;
    [[nodiscard]] quint64 poolFree(const Fleet::Node &node, const QString &pool) const;
    [[nodiscard]] QString nodeProblem(const Fleet::Node &node) const;
    void checkImageAndPlace(QVariantMap &found) const;
    void checkSize(QVariantMap &found) const;
    void checkSetup(QVariantMap &found) const;
    /// The data disk: a new one's pool and room, or a kept one (machinewizarddisks.cpp).
    void checkDataDisk(QVariantMap &found) const;
    [[nodiscard]] QList<NodeVolume> keptDataVolumes(const Fleet::Node &node) const;
    [[nodiscard]] QVariantList keptDataDisks() const;
    [[nodiscard]] MachineOrder orderFor(const QString &name) const;
    void startNext();
    void onUpdate(const ProvisioningUpdate &update);
    void onFinished(const ProvisioningResult &result);
    void setEntry(qsizetype index, const QString &state, const QString &error = {});

    QPointer<FleetView> m_view;
    QString m_image;
    QUrl m_imageFile;
    /// The file's header as read when it was chosen: the checks run at every
    /// change, and must not read the file each time.
    std::optional<Result<ImageHeader::Image>> m_fileImage;
    QString m_nodeId;
    QString m_pool;
    QString m_network;
    int m_vcpus = 2;
    int m_maxVcpus = 4;
    int m_memoryMiB = 2048;
    int m_maxMemoryMiB = 4096;
    int m_rootGiB = 20;
    bool m_linkedClone = true;
    int m_dataGiB = 0;
    QString m_dataPool;
    QString m_keptDataDisk;
    bool m_uefi = false;
    QString m_name;
    QString m_userName;
    QString m_passwordHash;
    QString m_passwordProblem;
    QString m_sshKeys;
    QString m_packages;
    QString m_commands;
    QString m_timezone;
    bool m_static = false;
    QString m_address;
    QString m_gateway;
    QString m_nameservers;
    QString m_ownConfig;
    int m_count = 1;
    bool m_start = true;

    QVariantList m_progress;
    QList<MachineOrder> m_orders; ///< of the run, one per machine entry (after the upload's, if any)
    QHash<quint64, qsizetype> m_jobs; ///< running job → its entry in m_progress
    qsizetype m_next = 0; ///< the next entry to start
    bool m_uploadFirst = false;
    bool m_cancelled = false;
    /// Each name's UUID and MAC address, chosen once: the review shows the
    /// definition that is made.
    mutable QHash<QString, std::pair<QString, QString>> m_identity;
    mutable QHash<QString, QList<LibraryImage>> m_libraries; ///< by node id, until the node changes
};

} // namespace Flotilla
