/**
 * Common given names by origin, space-separated to stay compact. Spelling variants with and
 * without diacritics are folded at lookup, so "Ayşe" and "Ayse" need only one entry.
 * Deliberately left out: names that are also German words or months (Mai, August, Ernst,
 * Rosa, Nur …): they live in AMBIGUOUS_FIRST_NAMES and count only with a cue.
 */
export const FIRST_NAMES_BY_ORIGIN: Record<string, string> = {
  german:
    "Alexander Andreas Anna Anne Annika Anton Barbara Bernd Birgit Brigitte Carina Carsten Christian Christina Christine Claudia Daniel Daniela David Dennis Dieter Dirk Doris Elias Elke Emil Emilia Emma Erik Eva Felix Finn Florian Frieda Gabriele Georg Gerhard Greta Günter Hanna Hannah Hans Heike Heinz Helga Helmut Henrik Holger Ingrid Jakob Jannik Jana Jens Jessica Johanna Johannes Jonas Jörg Julia Julian Jürgen Karin Karl Katharina Kathrin Katja Kerstin Klaus Kristina Lara Laura Lea Lena Leon Leonie Lisa Lukas Luise Manfred Manuela Marcel Maria Marie Marina Markus Martina Mathias Matthias Maximilian Melanie Mia Michael Michaela Monika Moritz Nadine Nicole Niklas Nils Noah Oliver Patrick Paul Paula Peter Petra Philipp Rainer Ralf Regina Renate Robert Sabine Sandra Sebastian Silke Simon Sophie Stefan Stefanie Steffen Susanne Sven Swen Tanja Theo Thomas Thorsten Tim Tobias Torsten Ulrich Ursula Uwe Vanessa Verena Werner Wolfgang Yvonne",
  turkish:
    "Ahmet Aylin Ayşe Aysel Bahar Barış Berk Burak Büşra Canan Cansu Ceren Cem Cemal Deniz Derya Dilek Ebru Elif Emine Emre Enes Erkan Esra Fatih Fatma Ferhat Filiz Furkan Gizem Gökhan Gülay Gülsüm Hakan Hatice Hilal Hülya Hüseyin İbrahim İrem Kadir Kemal Kübra Leyla Mehmet Melek Meltem Merve Mesut Metin Murat Necla Nesrin Nihat Oğuz Onur Orhan Osman Ömer Özlem Recep Rukiye Sabri Sedat Selim Selin Serkan Sevgi Sibel Songül Tolga Tuğba Tülay Tuncay Uğur Umut Volkan Yasemin Yasin Yavuz Yunus Zehra Zeynep",
  arabic:
    "Abdallah Abdelkader Abdul Abdullah Abdulrahman Ahmad Ahmed Aisha Aicha Alaa Ali Amal Amina Amira Amjad Anas Asmaa Aya Ayman Bashar Batoul Bayan Bilal Dalia Dima Doaa Eman Fadi Farah Fatima Firas Ghada Ghassan Hadi Hala Hamza Hanan Hassan Heba Hiba Hisham Huda Hussam Hussein Iman Ismail Jamal Jamil Karim Khaled Khalid Khadija Laila Lama Layla Leila Lina Louay Maha Mahmoud Mahmud Majd Maher Mariam Marwa Marwan Maryam Mazen Mohamad Mohamed Mohammad Mohammed Muhammad Mona Mostafa Munir Mustafa Nabil Nada Nadia Nasser Nisreen Noor Nour Omar Osama Qusai Raghad Rahaf Rama Rami Rana Rania Rasha Rawan Reem Rima Ruba Safaa Salah Salim Salma Sami Samir Samira Sana Sara Shadi Suha Suleiman Tarek Tariq Wael Wafaa Walid Yahya Yara Yazan Youssef Yousef Yusuf Zaid Zainab Zakaria Zeinab Ziad",
  afghan:
    "Ahmadullah Baktash Bashir Farid Fariba Farzana Fatemeh Freshta Ghulam Habiba Habibullah Hamid Hayatullah Hekmat Hosai Hossein Jawad Javad Mahdi Malalai Marzia Masoud Massoud Mehdi Milad Mina Mohsen Morteza Mujtaba Murtaza Mursal Najibullah Nargis Nasir Naveed Navid Nawid Nazanin Nazir Nilofar Omid Parisa Parwana Qadir Rahim Rahmat Rahmatullah Reza Roya Sadaf Sahar Sajad Sayed Shabnam Shafiq Sharif Shirin Shukria Sima Somaya Soraya Tahmina Wahid Yama Zabihullah Zahra Zaki Zarghona Zohal",
  westAfrican:
    "Abdoulaye Abena Adaeze Adwoa Aissatou Akosua Alhassane Aliou Amadou Aminata Awa Babatunde Bakary Binta Blessing Boubacar Cheikh Chidi Chinedu Chioma Chukwuma Demba Djeneba Efua Emeka Emmanuel Fatou Fatoumata Femi Folake Funmilayo Godwin Hawa Ibrahima Ifeanyi Ismaila Kadiatou Kofi Kojo Kwabena Kwame Lamine Lansana Mamadi Mamadou Mariama Modou Mory Moussa Ngozi Obinna Olufemi Oluwaseun Oumar Oumou Ousmane Ramatoulaye Saliou Salif Sekou Segun Seydou Souleymane Thierno Tunde Uche Yaw Youssouf",
  eastEuropean:
    "Agnieszka Agron Aleksandar Alina Andreea Andrei Andrzej Ardit Arben Arta Besnik Blerim Bogdan Constantin Cristian Dejan Dimitar Dorota Dragan Driton Edona Elena Ewa Fatmir Florin Gabriela Georgi Gheorghe Goran Grzegorz Ioan Ioana Ion Ivan Ivana Jelena Joanna Katarzyna Krzysztof Łukasz Magdalena Małgorzata Marcin Marian Marko Michał Mihaela Mihai Nenad Nicolae Nikolay Paweł Petar Piotr Stoyan Svetlana Tomasz Vasile Vesna Wojciech Zofia Zoran",
  ukrainian:
    "Anastasiia Andrii Andriy Artem Bohdan Daryna Denys Dmytro Halyna Ihor Iryna Kateryna Khrystyna Larysa Liudmyla Maksym Mariia Mykhailo Mykola Nadiia Nataliia Natalia Oksana Oleh Oleksandr Oleksandra Oleksii Oleksiy Olena Olha Pavlo Petro Serhii Serhiy Sofiia Svitlana Taras Tetiana Tetyana Valentyna Vasyl Viktor Viktoriia Vitalii Volodymyr Yevhen Yuliia Yulia Yurii Yuriy Zoriana",
  kurdishEritreanSomaliOther:
    "Abdi Abdirahman Ayaan Azad Baran Berivan Dawit Delal Dilan Dilovan Filmon Haile Hevin Hodan Jiyan Kawa Mehari Mulugeta Rezan Robel Rojda Rojhat Rojin Selam Semhar Senait Serhat Tesfaye Yohannes Yonas Zana Zozan Anh Duc Huong Linh Minh Thanh Trang Tuan",
};

/** Given names that are also ordinary German words (or months): a cue must confirm them. */
export const AMBIGUOUS_FIRST_NAMES =
  "Nur Ernst Frank Rosa Mark Said Sultan Roman Milan Wolf Jan Can Kurt Emir Hoffnung Engel";
