/**
 * Family names that are distinctive on their own: a capitalised hit is a name even without
 * "Herr"/"Frau". Short or word-like ones (Fall, Pop, Stan, Sy) are left out on purpose.
 */
export const SURNAMES_BY_ORIGIN: Record<string, string> = {
  turkish:
    "Demirci Demirtaş Aktaş Akbulut Avcı Başaran Bayram Coşkun Duman Erdem Eren Gök Gündoğdu Gürbüz Işık Kara Kılınç Kurt Özer Sarı Taş Tunç Uçar Uysal Yalçın Yiğit Zengin Acar Akın Aksoy Altun Arslan Aslan Aydın Bozkurt Bulut Çakır Çelik Çetin Demir Doğan Erdoğan Güler Güneş Kaplan Karaca Kaya Keskin Kılıç Koç Korkmaz Öztürk Özdemir Özkan Polat Şahin Şimşek Tekin Turan Ünal Yavuz Yıldırım Yıldız Yılmaz Yüksel",
  arabic:
    "Hamwi Kurdi Saadi Shaar Hallak Hamoud Haj Jabbour Khoury Mahfouz Mrad Nasr Rahal Rashid Sayegh Suleiman Taha Younes Zein Ibrahim Hussein Abdallah Alloush Al-Hassan Al-Khatib Al-Masri Al-Halabi Assaf Attar Bakri Barakat Dabbagh Darwish Farhat Ghanem Habib Haddad Haidar Halabi Hamadeh Hamdan Hariri Homsi Jaber Kanaan Kassem Khalil Khatib Laham Mansour Masri Najjar Nassar Othman Qasim Rifai Sabbagh Saleh Salloum Shaheen Shami Tawil Yassin Zaher Zidan",
  afghan:
    "Sultanzada Noori Popalzai Safi Hotak Wardak Amini Azimi Ghani Karimzada Mirzaei Nazari Omari Quraishi Rezai Sadiqi Stanikzai Yusufi Zadran Ahmadi Ahmadzai Akbari Alizada Amiri Azizi Barakzai Durrani Faizi Ghafoori Habibi Haidari Hakimi Hamidi Hashimi Hosseini Hussaini Jafari Jalali Kakar Karimi Mangal Mohammadi Naseri Nazari Niazi Noori Noorzai Popal Qaderi Rahimi Rahmani Rasuli Rezaei Sadat Safi Samadi Sarwari Sediqi Sharifi Shinwari Stanekzai Sultani Taheri Wardak Yousufzai Zazai",
  westAfrican:
    "Kaba Bangoura Sidibé Baldé Touray Darboe Manneh Sanneh Njie Drammeh Boakye Ofori Amoah Adjei Acheampong Kyei Darko Frimpong Opoku Antwi Agyei Oduro Okeke Eze Obi Nwankwo Ogunleye Adeleke Olawale Chukwu Onyeka Kabongo Mbala Ilunga Kabila Diawara Koné Ouattara Kouassi Koffi Yao Dlamini Nkosi Abubakar Adebayo Adeyemi Agyeman Appiah Asante Bah Balogun Bangura Barry Boateng Camara Ceesay Cissé Condé Coulibaly Dembélé Diallo Diarra Diop Doumbia Fofana Gueye Jallow Jalloh Kamara Kanté Kargbo Keita Konaté Kouyaté Mbaye Mensah Ndiaye Nwosu Okafor Okonkwo Okoro Osei Owusu Sangaré Sesay Sissoko Soumah Sow Sylla Touré Traoré",
  eastEuropean:
    "Hodžić Ilić Đorđević Stojanović Popović Mitrović Pavlović Ristić Savić Begić Delić Hasanović Halilović Alić Osmani Rexhepi Hasani Ahmeti Mehmeti Bajrami Selimi Sadiku Zeqiri Avdiu Haxhiu Kastrati Limani Beqiri Ramadani Jashari Dervishi Gashi Mustafa Nowicki Wróbel Berisha Bytyqi Constantinescu Dimitrov Dumitru Dvořák Gashi Georgiev Horváth Hoxha Ionescu Ivanov Ivanova Jankowski Jovanović Kamiński Kelmendi Kolev Kovačević Kovács Kowalska Kowalski Kozłowski Krasniqi Kuznetsov Lewandowski Marković Matei Mazur Morina Munteanu Nagy Nikolić Nikolov Novak Nowak Petrov Petrova Petrović Popa Popescu Popov Radu Rusu Shala Smirnov Sokolov Stoica Stoyanov Szabó Szymański Todorov Wiśniewski Wójcik Woźniak Zieliński",
  ukrainian:
    "Bondar Hnatyuk Kovalyk Lytvyn Moroz Pavliuk Romaniuk Savchuk Semenko Tymoshenko Voloshyn Zhuk Bondarenko Boyko Doroshenko Hnatiuk Honcharenko Hrytsenko Karpenko Klymenko Koval Kovalchuk Kovalenko Kravchenko Kravets Kushnir Kuzmenko Levchenko Lysenko Marchenko Melnyk Oliinyk Pavlenko Petrenko Polishchuk Ponomarenko Rudenko Savchenko Shevchenko Shevchuk Sydorenko Tkachenko Tkachuk Vasylenko Yakovenko Zinchenko",
  other:
    "Tesfamariam Gebremichael Gebreyesus Habte Woldemariam Berhe Kahsay Negash Okbay Asfaha Araya Teklay Zerai Ghebreab Barzani Talabani Hawrami Ali Abdi Hassan Farah Omar Warsame Jama Ghebremariam Kidane Mohamud Tekle Warsame Nguyen Tran Pham Hoang",
};

/**
 * Frequent German family names. Many are also nouns or adjectives (Koch, Lange, Schwarz),
 * so they only count next to a salutation or a given name, never alone.
 */
export const GERMAN_SURNAMES =
  "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Voigt Sauer Arnold Wolff Pfeiffer";
