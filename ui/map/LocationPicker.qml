// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Flotilla developers
import QtQuick
import QtQuick.Controls as QQC2
import QtQuick.Layouts
import org.kde.kirigami as Kirigami

/// Where a node stands: a city typed (completed from the bundled list) or a
/// place clicked on the map, which suggests the nearest city.
Kirigami.FormLayout {
    id: picker

    property string city
    property string country
    property string countryCode
    property real latitude: NaN
    property real longitude: NaN
    readonly property bool placed: !isNaN(latitude) && !isNaN(longitude)
    property alias cityField: cityField
    property alias cities: cities

    function load(entry: var): void {
        choose({ name: entry.city, country: entry.country, countryCode: entry.countryCode,
                 latitude: entry.latitude, longitude: entry.longitude });
    }

    function entry(): var {
        return { city: city, country: country, countryCode: countryCode,
                 latitude: placed ? latitude : NaN, longitude: placed ? longitude : NaN };
    }

    function choose(place: var): void {
        city = place.name ?? "";
        country = place.country ?? "";
        countryCode = place.countryCode ?? "";
        latitude = place.latitude ?? NaN;
        longitude = place.longitude ?? NaN;
        cityField.text = [city, country].filter(part => part.length > 0).join(", ");
        cities.text = "";
        map.map.setPin(latitude, longitude);
    }

    Kirigami.Separator {
        Kirigami.FormData.isSection: true
        Kirigami.FormData.label: i18nc("@title:group", "Place")
    }
    ColumnLayout {
        Kirigami.FormData.label: i18nc("@label:textbox", "City:")
        Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        spacing: 0

        QQC2.TextField {
            id: cityField

            objectName: "cityField"
            Layout.fillWidth: true
            Accessible.name: i18nc("@label:textbox", "City")
            placeholderText: i18nc("@info:placeholder", "Type a city, or click the map")
            onTextEdited: {
                cities.text = text;
                if (text.length === 0) {
                    picker.choose({}); // no place: the node stays off the map
                }
            }
            Keys.onDownPressed: cityList.forceActiveFocus()
            onAccepted: {
                if (cityList.count > 0) {
                    picker.choose(cityList.itemAtIndex(Math.max(0, cityList.currentIndex)).place);
                }
            }
        }
        ListView {
            id: cityList

            objectName: "cityList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, Kirigami.Units.gridUnit * 10)
            visible: count > 0
            clip: true
            keyNavigationEnabled: true
            model: CitySearchModel {
                id: cities
            }
            delegate: QQC2.ItemDelegate {
                required property int index
                required property string name
                required property string country
                required property string countryCode
                required property real latitude
                required property real longitude
                required property string label
                readonly property var place: ({ name, country, countryCode, latitude, longitude })

                width: ListView.view.width
                text: label
                highlighted: ListView.isCurrentItem
                onClicked: picker.choose(place)
                Keys.onReturnPressed: picker.choose(place)
                Keys.onEnterPressed: picker.choose(place)
            }
        }
    }
    QQC2.Label {
        objectName: "placeSummary"
        Kirigami.FormData.label: i18nc("@label", "Coordinates:")
        text: picker.placed ? i18nc("@info latitude, longitude", "%1°, %2°", picker.latitude.toFixed(2), picker.longitude.toFixed(2))
                            : i18nc("@info", "None: the node is not shown on the map")
        color: Kirigami.Theme.disabledTextColor
    }
    WorldMapCard {
        id: map

        objectName: "pickerMap"
        Kirigami.FormData.label: i18nc("@label", "Or click the map:")
        Layout.fillWidth: true
        Layout.minimumWidth: Kirigami.Units.gridUnit * 12
        Layout.maximumWidth: Kirigami.Units.gridUnit * 24
        Layout.preferredHeight: width * 0.45
        picking: true
        showLegend: false
        openNodes: false
        onLocationPicked: (latitude, longitude) => {
            const near = cities.nearest(latitude, longitude);
            if (near.name !== undefined) {
                picker.choose(near);
            } else {
                picker.choose({ latitude: latitude, longitude: longitude });
            }
        }
    }
}
