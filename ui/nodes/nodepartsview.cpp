// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#include "nodepartsview.h"

namespace Flotilla
{

NodePartsView::NodePartsView(QObject *parent)
    : QObject(parent)
{
}

void NodePartsView::setView(FleetView *view)
{
    if (m_view == view) {
        return;
    }
    if (m_view) {
        disconnect(m_view->fleet(), nullptr, this, nullptr);
    }
    m_view = view;
    if (m_view) {
        Fleet *fleet = m_view->fleet();
        connect(fleet, &Fleet::nodeChanged, this, &NodePartsView::onNodeChanged);
        connect(fleet, &Fleet::machinesChanged, this, [this](qsizetype index) { onNodeChanged(index); });
        connect(fleet, &Fleet::nodeRequestFinished, this, &NodePartsView::onFinished);
    }
    Q_EMIT nodeIdChanged();
    Q_EMIT partsChanged();
    if (m_view && !m_nodeId.isEmpty()) {
        m_view->fleet()->readStockOnce(m_nodeId);
    }
}

void NodePartsView::setNodeId(const QString &nodeId)
{
    if (m_nodeId == nodeId) {
        return;
    }
    m_nodeId = nodeId;
    Q_EMIT nodeIdChanged();
    Q_EMIT partsChanged();
    if (m_view && !m_nodeId.isEmpty()) {
        m_view->fleet()->readStockOnce(m_nodeId);
    }
}

void NodePartsView::onNodeChanged(qsizetype index)
{
    const Fleet::Node &node = m_view->fleet()->nodes().at(index);
    if (node.entry.id == m_nodeId) {
        m_view->fleet()->readStockOnce(m_nodeId); // the volumes of a node that connected after the page opened
        Q_EMIT partsChanged();
    }
}

const Fleet::Node *NodePartsView::node() const
{
    return m_view ? m_view->fleet()->node(m_nodeId) : nullptr;
}

bool NodePartsView::isConnected() const
{
    const Fleet::Node *found = node();
    return found && isUp(found->status.state);
}

void NodePartsView::dismiss()
{
    m_problem.clear();
    m_warning.clear();
    Q_EMIT busyChanged();
}

void NodePartsView::send(const NodeRequest &request)
{
    if (!m_view || isBusy()) {
        return;
    }
    m_problem.clear();
    m_warning.clear();
    m_request = m_view->fleet()->request(m_nodeId, request);
    Q_EMIT busyChanged();
}

void NodePartsView::refuse(const QString &why)
{
    m_problem = why;
    m_warning.clear();
    Q_EMIT busyChanged();
}

void NodePartsView::onFinished(const QString &, const NodeRequestResult &result)
{
    if (m_request == 0 || result.requestId != m_request) {
        return;
    }
    m_request = 0;
    m_problem = result.error.text();
    m_warning = result.warnings.join(QLatin1Char('\n'));
    Q_EMIT busyChanged();
    if (result.error.isEmpty()) {
        Q_EMIT succeeded();
    }
}

} // namespace Flotilla
