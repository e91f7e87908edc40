// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
#pragma once

#include <QMetaType>
#include <QString>

#include <utility>
#include <variant>

namespace Flotilla
{

/// What went wrong, as a value: libvirt's error code and domain where the
/// error came from libvirt (0 otherwise), a one-line message for the user,
/// and the details for whoever asks for them.
struct Error {
    QString message;
    QString details;
    int code = 0;
    int domain = 0;

    bool operator==(const Error &) const = default;
    [[nodiscard]] bool isEmpty() const { return message.isEmpty(); }
    [[nodiscard]] QString text() const
    {
        return details.isEmpty() ? message : message + QStringLiteral(": ") + details;
    }
};

/// Either a value or an Error. Written here because std::expected needs C++23.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_content(std::move(value))
    {
    }
    Result(Error error)
        : m_content(std::move(error))
    {
    }

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(m_content); }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T &value() const & { return std::get<T>(m_content); }
    [[nodiscard]] T &&value() && { return std::get<T>(std::move(m_content)); }
    [[nodiscard]] const Error &error() const { return std::get<Error>(m_content); }

private:
    std::variant<T, Error> m_content;
};

} // namespace Flotilla

Q_DECLARE_METATYPE(Flotilla::Error)
